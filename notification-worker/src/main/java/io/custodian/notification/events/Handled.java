package io.custodian.notification.events;

import java.util.Set;

/**
 * How far one round of handling got an event.
 *
 * @param rejected the targets ({@code channel:recipient}) that refused the event permanently: not
 *     tried again
 * @param pending the targets still failing for a reason a retry may fix
 * @param failures the failed targets and their last errors, for logs and the dead-letter record
 * @param attempts the most attempts a pending target took in this round
 */
public record Handled(Set<String> rejected, Set<String> pending, String failures, int attempts) {

    public static final Handled DELIVERED = new Handled(Set.of(), Set.of(), "", 0);

    public Handled {
        rejected = Set.copyOf(rejected);
        pending = Set.copyOf(pending);
    }

    /** Every routed target has the event. */
    public boolean isDelivered() {
        return rejected.isEmpty() && pending.isEmpty();
    }

    /** Nothing is left to retry: delivered, or refused for good by some target. */
    public boolean isSettled() {
        return pending.isEmpty();
    }
}
