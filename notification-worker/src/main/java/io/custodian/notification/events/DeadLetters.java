package io.custodian.notification.events;

import io.custodian.notification.NotificationConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Gives up on an event: counts it ({@value #DEAD_LETTERED}, tags {@code type} and {@code reason} —
 * {@code permanent}, {@code window-exhausted} or {@code error}; and {@value #TARGETS_DEAD_LETTERED}
 * once per channel of the targets that did not get it, tags {@code type} and {@code channel}), logs
 * it at ERROR with the reason, and writes the record as it came (key, value, headers: a replay is
 * the same CloudEvent) to the dead-letter topic, with {@code dead-letter-fault}, {@code
 * dead-letter-reason}, {@code dead-letter-topic}, {@code dead-letter-partition} and {@code
 * dead-letter-offset} headers. The returned {@code Uni} completes once the broker has the record.
 */
@ApplicationScoped
class DeadLetters {

    static final String DEAD_LETTERED = "custodian.notifications.dead.lettered";
    static final String TARGETS_DEAD_LETTERED = "custodian.notifications.delivery.dead.lettered";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final MeterRegistry registry;
    private final String topic;

    DeadLetters(
            @Channel("dead-letters") MutinyEmitter<String> emitter,
            MeterRegistry registry,
            Instance<EventHandler> handlers,
            NotificationConfig config) {
        this.emitter = emitter;
        this.registry = registry;
        this.topic = config.events().deadLetterTopic();
        // registered up front so that dashboards and alerts see 0 rather than nothing
        handlers.forEach(
                handler -> {
                    for (Fault fault : Fault.values()) {
                        counter(handler.type(), fault);
                    }
                });
    }

    Uni<Void> send(RecordCopy record, InboundEvent event, Verdict verdict) {
        String eventId = event.id();
        String type = event.type();
        Fault fault = verdict.fault();
        String reason = verdict.reason();
        counter(type, fault).increment();
        // target = channel:recipient; one count per channel given up on, never the recipient
        verdict.targets().stream()
                .map(target -> target.substring(0, Math.max(0, target.indexOf(':'))))
                .distinct()
                .forEach(
                        channel ->
                                Counter.builder(TARGETS_DEAD_LETTERED)
                                        .description(
                                                "Channels that did not get the alert of an event"
                                                        + " given up on")
                                        .tag("type", type)
                                        .tag("channel", channel)
                                        .register(registry)
                                        .increment());
        try (Scope traced = event.traced()) {
            LOG.errorf(
                    "Event %s of type %s not handled (%s), sending it to %s: %s",
                    eventId, type, fault.tag, topic, reason);
        }
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(h -> headers.add(h.name(), h.value()));
        header(headers, "dead-letter-fault", fault.tag);
        header(
                headers,
                "dead-letter-reason",
                reason.length() > 2000 ? reason.substring(0, 2000) : reason);
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", String.valueOf(record.partition()));
        header(headers, "dead-letter-offset", String.valueOf(record.offset()));
        OutgoingKafkaRecordMetadata<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build();
        return emitter.sendMessage(
                Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
    }

    private Counter counter(String type, Fault fault) {
        return Counter.builder(DEAD_LETTERED)
                .description("Events given up on and sent to the dead-letter topic")
                .tag("type", type)
                .tag("reason", fault.tag)
                .register(registry);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
