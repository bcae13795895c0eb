package io.custodian.notification.delivery;

import java.time.Instant;

/**
 * How sending one alert to one target ended in this round: when its first attempt started, how many
 * attempts it took, and, when it failed, the last error and whether that failure is permanent (the
 * target refused it for good: not retried) or transient (still failing when the round ended).
 */
record Outcome(
        Target target,
        String messageId,
        int attempts,
        Instant attemptedAt,
        Instant deliveredAt,
        String error,
        boolean permanent) {

    static Outcome delivered(Target target, String messageId, int attempts, Instant attemptedAt) {
        return new Outcome(target, messageId, attempts, attemptedAt, Instant.now(), null, false);
    }

    static Outcome failed(
            Target target, String messageId, int attempts, Instant attemptedAt, Throwable failure) {
        boolean permanent = Faults.isPermanent(failure);
        String error = (permanent ? "permanent, not retried: " : "") + failure;
        return new Outcome(
                target,
                messageId,
                attempts,
                attemptedAt,
                null,
                error.length() > 2000 ? error.substring(0, 2000) : error,
                permanent);
    }

    String recipient() {
        return target.recipient();
    }

    boolean isDelivered() {
        return deliveredAt != null;
    }
}
