package io.custodian.notification.delivery;

import java.time.Instant;

/** How sending one alert to one recipient ended (after retries). */
record Outcome(
        String recipient,
        String messageId,
        Instant attemptedAt,
        Instant deliveredAt,
        String error) {

    static Outcome delivered(String recipient, String messageId, Instant attemptedAt) {
        return new Outcome(recipient, messageId, attemptedAt, Instant.now(), null);
    }

    static Outcome failed(
            String recipient, String messageId, Instant attemptedAt, Throwable failure) {
        String error = String.valueOf(failure);
        return new Outcome(
                recipient,
                messageId,
                attemptedAt,
                null,
                error.length() > 2000 ? error.substring(0, 2000) : error);
    }

    boolean isDelivered() {
        return deliveredAt != null;
    }
}
