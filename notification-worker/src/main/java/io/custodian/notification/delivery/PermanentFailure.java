package io.custodian.notification.delivery;

/**
 * A target's refusal that no retry can change: the target is recorded {@code failed} after this
 * attempt and not tried again for this event (see {@link Faults}).
 */
final class PermanentFailure extends RuntimeException {

    PermanentFailure(String message) {
        super(message, null, false, false);
    }
}
