package io.custodian.notification.events;

import io.custodian.api.event.TraceParent;
import io.custodian.notification.NotificationConfig;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads Custodian CloudEvents from Kafka and hands each to the handler of its type. Records of one
 * key (one asset) are handled one after the other, in order; records of different keys side by
 * side, even within one partition ({@link KeyLanes}), at most {@code
 * custodian.events.max-in-flight} at once. A record is acknowledged — and its offset becomes
 * committable once every record before it in its partition is too — when its event is delivered,
 * dead-lettered, or parked ({@link EventRounds}): so an event that cannot be delivered holds back
 * neither its partition nor the other keys, and at most for {@code custodian.delivery.park-after}
 * the events of its own key, which are then parked behind it.
 */
@ApplicationScoped
class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventRounds rounds;
    private final KeyLanes lanes = new KeyLanes();
    private final InFlight inFlight;

    EventConsumer(EventRounds rounds, NotificationConfig config) {
        this.rounds = rounds;
        this.inFlight = new InFlight(config.events().maxInFlight());
    }

    /** Completes once the record is in hand (not handled): the next record may be read. */
    @Incoming("events")
    @SuppressWarnings("unchecked")
    Uni<Void> consume(Message<String> message) {
        Instant receivedAt = Instant.now();
        RecordCopy record = RecordCopy.of(message);
        Optional<IncomingKafkaCloudEventMetadata> metadata =
                message.getMetadata(IncomingKafkaCloudEventMetadata.class);
        if (metadata.isEmpty()) {
            Verdict verdict =
                    new Verdict(
                            Verdict.Kind.DEAD, Fault.PERMANENT, "Kafka record is not a CloudEvent");
            InboundEvent unknown =
                    new InboundEvent(
                            "(none)",
                            "(none)",
                            "(none)",
                            Optional.empty(),
                            Optional.empty(),
                            record.key(),
                            record.value(),
                            receivedAt,
                            Optional.empty());
            return settle(message, rounds.deadLetter(record, unknown, verdict));
        }
        InboundEvent event =
                toEvent(
                        metadata.get(),
                        message.getPayload(),
                        receivedAt,
                        consumerSpan(message).or(() -> record.header(TraceParent.HEADER)));
        Optional<EventHandler> handler = rounds.handler(event.type());
        if (handler.isEmpty()) {
            LOG.debugf("Event %s of type %s: no handler, acknowledged", event.id(), event.type());
            return Uni.createFrom().completionStage(message::ack);
        }
        return inFlight.acquire()
                .invoke(
                        () ->
                                lanes.submit(
                                        Parking.laneKey(event),
                                        () ->
                                                settle(
                                                                message,
                                                                rounds.first(
                                                                        record,
                                                                        event,
                                                                        handler.get()))
                                                        .eventually(inFlight::release)));
    }

    /**
     * Acknowledges the record once the work is done; should the work itself fail (the database or
     * the dead-letter topic unreachable), nacks it, which sends it to the dead-letter topic.
     */
    private static Uni<Void> settle(Message<String> message, Uni<Void> work) {
        return work.onItemOrFailure()
                .transformToUni(
                        (ignored, failure) -> {
                            if (failure == null) {
                                return Uni.createFrom().completionStage(message::ack);
                            }
                            LOG.errorf(
                                    "Record not handled, nacked to the dead-letter queue: %s",
                                    failure.toString());
                            return Uni.createFrom().completionStage(() -> message.nack(failure));
                        });
    }

    /**
     * The Kafka connector's consumer span of this record (a child of the producer's, from the
     * record's {@code traceparent} header), as a traceparent; empty when tracing is off.
     */
    private static Optional<String> consumerSpan(Message<String> message) {
        return TracingMetadata.fromMessage(message)
                .flatMap(tracing -> TraceParent.of(Span.fromContext(tracing.getCurrentContext())));
    }

    private static InboundEvent toEvent(
            IncomingKafkaCloudEventMetadata<?, ?> ce,
            String data,
            Instant receivedAt,
            Optional<String> traceParent) {
        Object key = ce.getKey();
        return new InboundEvent(
                ce.getId(),
                ce.getType(),
                String.valueOf(ce.getSource()),
                ce.getSubject(),
                ce.getTimeStamp().map(ZonedDateTime::toInstant),
                key == null ? null : key.toString(),
                data,
                receivedAt,
                traceParent);
    }
}
