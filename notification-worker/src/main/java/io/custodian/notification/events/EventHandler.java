package io.custodian.notification.events;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Set;

/**
 * Handles every event of one CloudEvent type. Implementations are CDI beans; the consumer routes by
 * {@link #type()} and decides what happens to the record from the {@link Handled} answer: done,
 * dead-lettered at once, or parked and handled again later.
 */
public interface EventHandler {

    /** The CloudEvent type handled, e.g. {@code asset.incident.reported}. */
    String type();

    /**
     * One round of handling: alerts every routed target that does not have the event yet, except
     * {@code rejected} (targets that refused it permanently earlier in this round of retries),
     * retrying transient failures until {@code until} (no retry at all when it has passed). Fails
     * with {@link UnreadableEventException} when the event's data cannot be read or its alert not
     * rendered: no retry can change that.
     */
    Uni<Handled> handle(InboundEvent event, Instant until, Set<String> rejected);
}
