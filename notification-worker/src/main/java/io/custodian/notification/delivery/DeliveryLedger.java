package io.custodian.notification.delivery;

import io.custodian.notification.events.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The bookkeeping that makes alerts once-only per (event, recipient, channel). Blocking (JDBC). */
@ApplicationScoped
class DeliveryLedger {

    /** The recipients this event has already been delivered to through this channel. */
    @Transactional
    Set<String> deliveredTo(String eventId, String channel) {
        return Delivery.ofEvent(eventId, channel).stream()
                .filter(d -> Delivery.DELIVERED.equals(d.status))
                .map(d -> d.recipient)
                .collect(Collectors.toSet());
    }

    /**
     * Records the outcomes of this round and the event itself in one transaction; the event counts
     * as processed when {@code complete} (every routed recipient has it).
     */
    @Transactional
    void record(InboundEvent event, String channel, List<Outcome> outcomes, boolean complete) {
        ProcessedEvent processed = ProcessedEvent.findById(event.id());
        if (processed == null) {
            processed = new ProcessedEvent();
            processed.eventId = event.id();
            processed.type = event.type();
            processed.subject = event.subject().orElse(null);
            processed.receivedAt = event.receivedAt();
            processed.persist();
        }
        List<Delivery> existing = Delivery.ofEvent(event.id(), channel);
        for (Outcome outcome : outcomes) {
            Delivery delivery =
                    existing.stream()
                            .filter(d -> d.recipient.equals(outcome.recipient()))
                            .findFirst()
                            .orElseGet(
                                    () -> {
                                        Delivery d = new Delivery();
                                        d.id = UUID.randomUUID();
                                        d.eventId = event.id();
                                        d.recipient = outcome.recipient();
                                        d.channel = channel;
                                        return d;
                                    });
            delivery.status = outcome.isDelivered() ? Delivery.DELIVERED : Delivery.FAILED;
            delivery.messageId = outcome.messageId();
            delivery.attemptedAt = outcome.attemptedAt();
            delivery.deliveredAt = outcome.deliveredAt();
            delivery.error = outcome.error();
            if (!delivery.isPersistent()) {
                delivery.persist();
            }
        }
        if (complete && processed.processedAt == null) {
            processed.processedAt = Instant.now();
        }
    }
}
