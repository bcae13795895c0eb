package io.custodian.notification.events;

import io.custodian.api.event.Delivered;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where the deliveries to publish as {@code notification.delivered} wait (the delivery feature's
 * rows); {@link DeliveryOutcomes} publishes them.
 */
public interface DeliveredOutbox {

    /** A delivery to publish: its row's id (the CloudEvent id) and what it says. */
    record Pending(UUID id, Delivered delivered) {}

    /**
     * Claims up to {@code max} deliveries not yet published, oldest first, hands them to {@code
     * publisher} (which returns once the broker has them, or throws) and marks them published, in
     * one transaction; returns how many.
     */
    int publishPending(int max, Consumer<List<Pending>> publisher);
}
