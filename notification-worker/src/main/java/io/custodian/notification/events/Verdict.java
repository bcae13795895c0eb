package io.custodian.notification.events;

import java.time.Instant;

/**
 * What becomes of an event after a round of handling: done, given up on (dead-lettered, with the
 * fault and the reason), or tried again later (parked).
 */
record Verdict(Kind kind, Fault fault, String reason) {

    enum Kind {
        DONE,
        DEAD,
        AGAIN
    }

    static Verdict of(Handled handled, Throwable failure, Instant deadline, Instant now) {
        if (failure != null) {
            return new Verdict(
                    Kind.DEAD,
                    failure instanceof UnreadableEventException ? Fault.PERMANENT : Fault.ERROR,
                    failure.toString());
        }
        if (handled.isDelivered()) {
            return new Verdict(Kind.DONE, null, "");
        }
        if (handled.isSettled()) {
            return new Verdict(
                    Kind.DEAD,
                    Fault.PERMANENT,
                    "refused permanently by "
                            + handled.rejected()
                            + (handled.failures().isEmpty() ? "" : ": " + handled.failures()));
        }
        if (!now.isBefore(deadline)) {
            return new Verdict(
                    Kind.DEAD,
                    Fault.WINDOW_EXHAUSTED,
                    "not delivered within the retry window to " + handled.failures());
        }
        return new Verdict(Kind.AGAIN, null, handled.failures());
    }
}
