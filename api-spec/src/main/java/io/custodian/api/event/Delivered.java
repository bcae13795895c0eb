package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of the CloudEvent {@code notification.delivered} on {@link EventTypes#DELIVERIES_TOPIC}, as
 * specified by {@code schemas/notification.delivered.json}: one target accepted the alert of one
 * event. Written by notification-worker, read by asset-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivered(
        String eventId,
        String eventType,
        String subject,
        String channel,
        String recipient,
        String recipientName,
        String messageId,
        int attempts,
        Instant deliveredAt) {}
