package io.custodian.notification.delivery;

import io.custodian.notification.events.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The bookkeeping that makes alerts once-only per (event, recipient, channel). Blocking (JDBC).
 * Each target's outcome is recorded as soon as that target is done, in one transaction with the
 * event's processed-event row; the transaction that records the last missing delivery marks the
 * event processed. The event's row is locked while recording, so the targets of one event, which
 * finish in parallel, record one after the other and the last one sees all the others.
 */
@ApplicationScoped
class DeliveryLedger {

    /**
     * Notes the event as received (once; a redelivery keeps the first {@code receivedAt}) and
     * returns the targets it has already been delivered to.
     */
    @Transactional
    Set<Target> begin(InboundEvent event) {
        ProcessedEvent processed = ProcessedEvent.findById(event.id());
        if (processed == null) {
            processed = new ProcessedEvent();
            processed.eventId = event.id();
            processed.type = event.type();
            processed.subject = event.subject().orElse(null);
            processed.receivedAt = event.receivedAt();
            processed.persist();
            return Set.of();
        }
        return delivered(event.id());
    }

    /**
     * Records one target's outcome; marks the event processed when every one of {@code routed} has
     * now been delivered to. The attempts add up over redeliveries.
     */
    @Transactional
    void record(String eventId, Outcome outcome, Collection<Target> routed) {
        ProcessedEvent processed = ProcessedEvent.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (processed == null) {
            throw new IllegalStateException("Event " + eventId + " was not begun");
        }
        Delivery delivery =
                Delivery.of(eventId, outcome.target().channel(), outcome.recipient())
                        .orElseGet(
                                () -> {
                                    Delivery d = new Delivery();
                                    d.id = UUID.randomUUID();
                                    d.eventId = eventId;
                                    d.recipient = outcome.recipient();
                                    d.channel = outcome.target().channel();
                                    d.attempts = 0;
                                    return d;
                                });
        delivery.status = outcome.isDelivered() ? Delivery.DELIVERED : Delivery.FAILED;
        delivery.messageId = outcome.messageId();
        delivery.attempts += outcome.attempts();
        delivery.attemptedAt = outcome.attemptedAt();
        delivery.deliveredAt = outcome.deliveredAt();
        delivery.error = outcome.error();
        if (!delivery.isPersistent()) {
            delivery.persist();
        }
        if (outcome.isDelivered() && processed.processedAt == null) {
            Delivery.flush();
            if (delivered(eventId).containsAll(routed)) {
                processed.processedAt = Instant.now();
            }
        }
    }

    /** Marks the event processed (a redelivery that found every target already delivered). */
    @Transactional
    void complete(String eventId) {
        ProcessedEvent processed = ProcessedEvent.findById(eventId);
        if (processed != null && processed.processedAt == null) {
            processed.processedAt = Instant.now();
        }
    }

    private static Set<Target> delivered(String eventId) {
        return Delivery.ofEvent(eventId).stream()
                .filter(d -> Delivery.DELIVERED.equals(d.status))
                .map(d -> new Target(d.channel, d.recipient))
                .collect(Collectors.toSet());
    }
}
