package io.custodian.notification.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One row of the delivery log, as {@code GET /api/v1/deliveries} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryView(
        String eventId,
        String type,
        String recipient,
        String channel,
        String status,
        String messageId,
        int attempts,
        Instant attemptedAt,
        Instant deliveredAt,
        String error) {}
