package io.custodian.notification.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes what was delivered as {@code notification.delivered} CloudEvents (binary mode) on
 * {@code custodian.deliveries}, keyed by the alerted event's id: every {@code
 * custodian.delivery.outcomes-every} (1 s), the delivered rows not yet published, in batches, each
 * batch marked once the broker has it. The CloudEvent id is the delivery row's id, so a row
 * published twice is the same event twice.
 */
@ApplicationScoped
class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);
    private static final int BATCH = 200;
    private static final Duration BROKER_WAIT = Duration.ofSeconds(10);
    private static final String SOURCE = "/custodian/notification-worker";

    private final DeliveredOutbox proofs;
    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    DeliveryOutcomes(
            DeliveredOutbox proofs,
            @Channel("delivery-outcomes") MutinyEmitter<String> emitter,
            ObjectMapper json) {
        this.proofs = proofs;
        this.emitter = emitter;
        this.json = json;
    }

    @Scheduled(
            every = "${custodian.delivery.outcomes-every}",
            identity = "delivery-outcomes",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishPending() {
        try {
            while (proofs.publishPending(BATCH, this::send) == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            // the broker is away: the rows stay unpublished and the next round tries again
            LOG.warnf("Delivery outcomes not published yet: %s", e.getMessage());
        }
    }

    private void send(List<DeliveredOutbox.Pending> batch) {
        Uni.join()
                .all(batch.stream().map(p -> emitter.sendMessage(message(p))).toList())
                .andFailFast()
                .await()
                .atMost(BROKER_WAIT);
    }

    private Message<String> message(DeliveredOutbox.Pending proof) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", proof.id().toString());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_type", EventTypes.DELIVERED);
        header(headers, "ce_subject", "events/" + proof.delivered().eventId());
        header(headers, "ce_time", proof.delivered().deliveredAt().toString());
        header(headers, "ce_dataschema", EventTypes.dataSchemaUri(EventTypes.DELIVERED));
        header(headers, "content-type", "application/json");
        try {
            return Message.of(json.writeValueAsString(proof.delivered()))
                    .addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder()
                                    .withKey(proof.delivered().eventId())
                                    .withHeaders(headers)
                                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification.delivered not serializable", e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
