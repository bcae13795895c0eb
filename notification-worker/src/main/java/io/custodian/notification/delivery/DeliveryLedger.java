package io.custodian.notification.delivery;

import io.custodian.notification.events.InboundEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
     * What an event's targets had before this round: those that accepted it, and those that were
     * tried and failed (their attempts this round are retries).
     */
    record Begun(Set<Target> delivered, Set<Target> failed) {}

    /**
     * Notes the event as received (once; a redelivery keeps the first {@code receivedAt}) and
     * returns the targets it has already been delivered to, and those tried before in vain.
     */
    @Transactional
    Begun begin(InboundEvent event) {
        ProcessedEvent processed = ProcessedEvent.findById(event.id());
        if (processed == null) {
            processed = new ProcessedEvent();
            processed.eventId = event.id();
            processed.type = event.type();
            processed.subject = event.subject().orElse(null);
            processed.receivedAt = event.receivedAt();
            processed.persist();
            return new Begun(Set.of(), Set.of());
        }
        Set<Target> delivered = new HashSet<>();
        Set<Target> failed = new HashSet<>();
        for (Delivery d : Delivery.ofEvent(event.id())) {
            (Delivery.DELIVERED.equals(d.status) ? delivered : failed)
                    .add(new Target(d.channel, d.recipient));
        }
        return new Begun(delivered, failed);
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
        delivery.error = OneLine.of(outcome.error()); // a value in an error cannot add a line
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

    /**
     * Runs every statement of an event's bookkeeping once — begun, one target recorded, begun again
     * as a redelivery, completed — for a made-up event, in one transaction that is rolled back: the
     * first real event then finds Hibernate's queries prepared and the connections open, and
     * nothing of the rehearsal stays in the tables.
     */
    @Transactional
    void rehearse() {
        InboundEvent event =
                new InboundEvent(
                        "rehearsal-" + UUID.randomUUID(),
                        "custodian.rehearsal",
                        "/custodian/notification-worker",
                        Optional.empty(),
                        Optional.empty(),
                        null,
                        "{}",
                        Instant.now(),
                        Optional.empty());
        Target target = new Target(EmailChannel.NAME, "rehearsal@example.invalid");
        begin(event);
        record(event.id(), Outcome.delivered(target, null, 1, Instant.now()), List.of(target));
        begin(event);
        complete(event.id());
        QuarkusTransaction.setRollbackOnly();
    }

    /**
     * The last recorded errors of the given targets ({@code channel:recipient}) of an event, as
     * {@code target (error)}: why targets refused for good in an earlier round did, for the
     * dead-letter reason of a later one.
     */
    @Transactional
    String errors(String eventId, Set<String> targets) {
        return Delivery.ofEvent(eventId).stream()
                .filter(d -> Delivery.FAILED.equals(d.status))
                .filter(d -> targets.contains(new Target(d.channel, d.recipient).toString()))
                .map(d -> new Target(d.channel, d.recipient) + " (" + d.error + ")")
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static Set<Target> delivered(String eventId) {
        return Delivery.ofEvent(eventId).stream()
                .filter(d -> Delivery.DELIVERED.equals(d.status))
                .map(d -> new Target(d.channel, d.recipient))
                .collect(Collectors.toSet());
    }
}
