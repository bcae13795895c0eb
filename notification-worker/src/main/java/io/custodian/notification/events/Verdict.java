package io.custodian.notification.events;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What becomes of an event after a round of handling: done, given up on (dead-lettered, with the
 * fault, the reason and the targets given up on), or tried again later (parked).
 */
record Verdict(Kind kind, Fault fault, String reason, Set<String> targets) {

    Verdict(Kind kind, Fault fault, String reason) {
        this(kind, fault, reason, Set.of());
    }

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
                            + (handled.failures().isEmpty() ? "" : ": " + handled.failures()),
                    handled.rejected());
        }
        if (!now.isBefore(deadline)) {
            return new Verdict(
                    Kind.DEAD,
                    Fault.WINDOW_EXHAUSTED,
                    "not delivered within the retry window to " + handled.failures(),
                    failing(handled));
        }
        return new Verdict(Kind.AGAIN, null, handled.failures());
    }

    /** Every target of the round that does not have the event: refused, or still failing. */
    private static Set<String> failing(Handled handled) {
        Set<String> targets = new HashSet<>(handled.rejected());
        targets.addAll(handled.pending());
        return targets;
    }
}
