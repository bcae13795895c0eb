package io.custodian.notification.events;

import io.custodian.notification.NotificationConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads Custodian CloudEvents from Kafka and hands each to the handler of its type, one record at a
 * time (so one asset's events stay ordered and a redelivered event meets the bookkeeping of its
 * first delivery). A record is acknowledged — and its offset becomes committable — only once
 * handled; a record that can't be handled is nacked, which sends it to the dead-letter topic.
 */
@ApplicationScoped
class EventConsumer {

    static final String DEAD_LETTERED = "custodian.notifications.dead.lettered";
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Map<String, EventHandler> handlers;
    private final MeterRegistry registry;
    private final String deadLetterTopic;

    EventConsumer(
            Instance<EventHandler> handlers, MeterRegistry registry, NotificationConfig config) {
        this.handlers =
                handlers.stream()
                        .collect(Collectors.toMap(EventHandler::type, Function.identity()));
        this.registry = registry;
        this.deadLetterTopic = config.events().deadLetterTopic();
        // registered up front so that dashboards and alerts see 0 rather than nothing
        this.handlers.keySet().forEach(type -> deadLettered(type));
    }

    @Incoming("events")
    @SuppressWarnings("unchecked")
    Uni<Void> consume(Message<String> message) {
        Instant receivedAt = Instant.now();
        Optional<IncomingKafkaCloudEventMetadata> metadata =
                message.getMetadata(IncomingKafkaCloudEventMetadata.class);
        if (metadata.isEmpty()) {
            return deadLetter(
                    message,
                    "(none)",
                    "(none)",
                    new IllegalArgumentException("Kafka record is not a CloudEvent"));
        }
        InboundEvent event = toEvent(metadata.get(), message.getPayload(), receivedAt);
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            LOG.debugf("Event %s of type %s: no handler, acknowledged", event.id(), event.type());
            return Uni.createFrom().completionStage(message::ack);
        }
        return Uni.createFrom()
                .deferred(() -> handler.handle(event))
                .onItemOrFailure()
                .transformToUni(
                        (ignored, failure) ->
                                failure == null
                                        ? Uni.createFrom().completionStage(message::ack)
                                        : deadLetter(message, event.id(), event.type(), failure));
    }

    private Uni<Void> deadLetter(
            Message<String> message, String eventId, String type, Throwable failure) {
        deadLettered(type).increment();
        LOG.errorf(
                "Event %s of type %s not handled, sending it to %s: %s",
                eventId, type, deadLetterTopic, failure.toString());
        return Uni.createFrom().completionStage(() -> message.nack(failure));
    }

    private Counter deadLettered(String type) {
        return Counter.builder(DEAD_LETTERED)
                .description("Events given up on and sent to the dead-letter topic")
                .tag("type", type)
                .register(registry);
    }

    private static InboundEvent toEvent(
            IncomingKafkaCloudEventMetadata<?, ?> ce, String data, Instant receivedAt) {
        Object key = ce.getKey();
        return new InboundEvent(
                ce.getId(),
                ce.getType(),
                String.valueOf(ce.getSource()),
                ce.getSubject(),
                ce.getTimeStamp().map(ZonedDateTime::toInstant),
                key == null ? null : key.toString(),
                data,
                receivedAt);
    }
}
