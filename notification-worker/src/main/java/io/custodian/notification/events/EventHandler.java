package io.custodian.notification.events;

import io.smallrye.mutiny.Uni;

/**
 * Handles every event of one CloudEvent type. Implementations are CDI beans; the consumer routes by
 * {@link #type()}. A failed {@code Uni} sends the record to the dead-letter topic, so an
 * implementation retries transient failures itself before it gives up.
 */
public interface EventHandler {

    /** The CloudEvent type handled, e.g. {@code asset.incident.reported}. */
    String type();

    Uni<Void> handle(InboundEvent event);
}
