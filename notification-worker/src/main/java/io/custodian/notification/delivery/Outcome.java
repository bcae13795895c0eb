package io.custodian.notification.delivery;

import java.time.Instant;

/**
 * How sending one alert to one target ended (after retries): when the first attempt of this round
 * started, how many attempts it took, and the last error when it failed.
 */
record Outcome(
        Target target,
        String messageId,
        int attempts,
        Instant attemptedAt,
        Instant deliveredAt,
        String error) {

    static Outcome delivered(Target target, String messageId, int attempts, Instant attemptedAt) {
        return new Outcome(target, messageId, attempts, attemptedAt, Instant.now(), null);
    }

    static Outcome failed(
            Target target, String messageId, int attempts, Instant attemptedAt, Throwable failure) {
        String error = String.valueOf(failure);
        return new Outcome(
                target,
                messageId,
                attempts,
                attemptedAt,
                null,
                error.length() > 2000 ? error.substring(0, 2000) : error);
    }

    String recipient() {
        return target.recipient();
    }

    boolean isDelivered() {
        return deliveredAt != null;
    }
}
