package io.custodian.asset.outbox;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.TraceParent;
import io.custodian.asset.jobs.ClusterLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.PartitionInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Takes stored events to Kafka as CloudEvents (binary mode, keyed by aggregate id). Woken right
 * after every commit that appended an event, and by a poll as a safety net; one relay thread per
 * instance, and one round at a time across the replicas ({@link ClusterLock}). A row is marked
 * published only after the broker acknowledged it, so a broker outage delays events but never loses
 * them. Delivery is at least once: consumers de-duplicate by id.
 *
 * <p>Before its first round the relay has the producer fetch the topic's metadata (where each
 * partition's leader is, and a connection to it), which the first event would otherwise wait for,
 * and runs its bookkeeping statements once on no row; until then {@link OutboxRelayReadiness} says
 * the service is not ready.
 */
@ApplicationScoped
class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final URI source;
    private final Clock clock;
    private final ClusterLock lock;
    private final RelayTracing tracing;
    private final Counter published;
    private final Counter failed;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private final KafkaClientService kafka;
    private final String topic;
    private volatile String topicUnknown = "its metadata has not been fetched yet";

    /** Since when publishing fails (the broker away), or null while events flow. */
    private volatile Instant failingSince;

    OutboxRelay(
            @Channel("events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    Emitter<String> emitter,
            OutboxConfig config,
            @ConfigProperty(name = "custodian.events.source") URI source,
            @ConfigProperty(name = "mp.messaging.outgoing.events.topic") String topic,
            KafkaClientService kafka,
            Clock clock,
            MeterRegistry metrics,
            ClusterLock lock,
            RelayTracing tracing) {
        this.lock = lock;
        this.tracing = tracing;
        this.emitter = emitter;
        this.config = config;
        this.source = source;
        this.topic = topic;
        this.kafka = kafka;
        this.clock = clock;
        this.published = metrics.counter("custodian.outbox.published");
        this.failed = metrics.counter("custodian.outbox.publish.failures");
    }

    /** Fetches the topic's metadata right away rather than at the first poll. */
    void start(@Observes StartupEvent start) {
        wake();
    }

    /**
     * Why the relay cannot publish at full speed yet (the topic's metadata not fetched), or empty
     * once it can.
     */
    Optional<String> notReady() {
        String reason = topicUnknown;
        return reason == null ? Optional.empty() : Optional.of(topic + ": " + reason);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended event) {
        wake();
    }

    @Scheduled(
            every = "${custodian.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgePublished() {
        Instant before = Instant.now(clock).minus(config.retention());
        long purged =
                QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.delete("publishedAt < ?1", before));
        if (purged > 0) {
            LOG.debugf("Purged %d published outbox events older than %s", purged, before);
        }
    }

    /**
     * Stop relaying before the datasource goes away: the round under way finishes its batch (its
     * acknowledgements are awaited and recorded, so nothing it sent is sent again by another
     * replica), then the relay stops; unsent rows wait in the outbox for another replica or the
     * next start.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(
                    config.ackTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Outbox relay round still running at shutdown; it is interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }

    /** Ask for a relay round; rounds never overlap, and a wake during a round causes another. */
    private void wake() {
        if (!worker.isShutdown() && pending.compareAndSet(false, true)) {
            try {
                worker.execute(this::round);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the rows wait in the outbox for the next start
            }
        }
    }

    private void round() {
        pending.set(false);
        try {
            if (topicUnknown != null && !fetchTopicMetadata()) {
                return; // a send would wait for the same metadata and fail the same way
            }
            // one replica relays at a time, so no row leaves twice at once and each aggregate's
            // events leave in order; a replica that finds a round under way waits for its end
            lock.runAlone(
                    "outbox-relay",
                    config.ackTimeout().multipliedBy(2),
                    () -> {
                        while (!worker.isShutdown() && relayBatch()) {
                            // a full batch went out: there may be more (unless stopping)
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay round failed; the poll tries again", e);
        }
    }

    /**
     * True once the producer knows every partition's leader (blocks at most max.block.ms) and the
     * relay's statements have run once.
     */
    private boolean fetchTopicMetadata() {
        String reason;
        try {
            List<PartitionInfo> partitions =
                    kafka.getProducer("events")
                            .partitionsFor(topic)
                            .await()
                            .atMost(config.ackTimeout());
            if (!partitions.isEmpty() && partitions.stream().allMatch(p -> p.leader() != null)) {
                // and the statements that follow a send, for ids no row has: the first event's
                // round (and the one after it) do not wait for Hibernate to prepare them
                recordAttempts(List.of(UUID.randomUUID()), Map.of(UUID.randomUUID(), "rehearsal"));
                topicUnknown = null;
                LOG.infof(
                        "Outbox relay ready: %s has %d partitions, each with a leader",
                        topic, partitions.size());
                return true;
            }
            reason = "not every partition has a leader: " + partitions;
        } catch (RuntimeException e) {
            reason = "metadata not fetched: " + e;
        }
        if (!reason.equals(topicUnknown)) {
            LOG.warnf("Outbox relay not ready, %s; trying again at the next poll", reason);
        }
        topicUnknown = reason;
        return false;
    }

    /** Relays one batch; true when it was full and fully acknowledged. */
    private boolean relayBatch() {
        List<Row> batch =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        OutboxEvent.<OutboxEvent>find(
                                                        "publishedAt is null order by createdAt,"
                                                                + " id")
                                                .page(0, config.batchSize())
                                                .list()
                                                .stream()
                                                .map(Row::of)
                                                .toList());
        if (batch.isEmpty()) {
            return false;
        }
        Map<UUID, CompletableFuture<Void>> acks = new LinkedHashMap<>();
        for (Row row : batch) {
            acks.put(row.id(), send(row));
        }
        try {
            CompletableFuture.allOf(acks.values().toArray(CompletableFuture[]::new))
                    .get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // some were not acknowledged in time, or were refused: they stay in the outbox
        }
        List<UUID> done = new ArrayList<>();
        Map<UUID, String> errors = new LinkedHashMap<>();
        acks.forEach(
                (id, ack) -> {
                    if (ack.isDone() && !ack.isCompletedExceptionally()) {
                        done.add(id);
                    } else {
                        errors.put(id, ack.isDone() ? cause(ack) : "not acknowledged in time");
                    }
                });
        recordAttempts(done, errors);
        published.increment(done.size());
        if (!errors.isEmpty()) {
            failed.increment(errors.size());
            // an outage is logged once when it starts, and once when it ends
            if (failingSince == null) {
                failingSince = Instant.now(clock);
                LOG.warnf(
                        "%d of %d events not published yet (%s); they stay in the outbox and are"
                                + " retried; logged again when events flow",
                        errors.size(), batch.size(), errors.values().iterator().next());
            } else {
                LOG.debugf(
                        "%d of %d events still not published (%s)",
                        errors.size(), batch.size(), errors.values().iterator().next());
            }
            return false;
        }
        if (failingSince != null) {
            LOG.infof(
                    "Events flow again after %d ms of failed publishing",
                    Duration.between(failingSince, Instant.now(clock)).toMillis());
            failingSince = null;
        }
        return batch.size() == config.batchSize();
    }

    /** Marks {@code done} published and notes the error of each of {@code errors}. */
    private void recordAttempts(List<UUID> done, Map<UUID, String> errors) {
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            if (!done.isEmpty()) {
                                OutboxEvent.update(
                                        "publishedAt = ?1, attempts = attempts + 1 where id in ?2",
                                        now,
                                        done);
                            }
                            errors.forEach(
                                    (id, error) ->
                                            OutboxEvent.update(
                                                    "attempts = attempts + 1, lastError = ?1 where"
                                                            + " id = ?2",
                                                    error,
                                                    id));
                        });
    }

    private CompletableFuture<Void> send(Row row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Span span = tracing.start(row.id().toString(), row.type(), row.traceParent(), topic);
        OutgoingCloudEventMetadataBuilder<String> builder =
                OutgoingCloudEventMetadata.<String>builder()
                        .withId(row.id().toString())
                        .withType(row.type())
                        .withSource(source)
                        .withSubject(row.subject())
                        .withTimestamp(row.createdAt().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .withDataSchema(URI.create(EventTypes.dataSchemaUri(row.type())));
        TraceParent.of(span)
                .ifPresent(parent -> builder.withExtension(TraceParent.EXTENSION, parent));
        OutgoingKafkaRecordMetadata<String> record =
                OutgoingKafkaRecordMetadata.<String>builder().withKey(row.aggregateId()).build();
        Message<String> message =
                Message.of(
                        row.payload(),
                        Metadata.of(
                                builder.build(),
                                record,
                                TracingMetadata.withCurrent(Context.root().with(span))),
                        () -> {
                            span.end();
                            ack.complete(null);
                            return CompletableFuture.completedFuture(null);
                        },
                        failure -> {
                            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                            span.end();
                            ack.completeExceptionally(failure);
                            return CompletableFuture.completedFuture(null);
                        });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.end();
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static String cause(CompletableFuture<Void> ack) {
        try {
            ack.join();
            return "";
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    /** A detached copy of an outbox row: nothing is sent while a transaction is open. */
    private record Row(
            UUID id,
            String aggregateId,
            String type,
            String subject,
            String payload,
            Instant createdAt,
            String traceParent) {
        static Row of(OutboxEvent e) {
            return new Row(
                    e.id, e.aggregateId, e.type, e.subject, e.payload, e.createdAt, e.traceParent);
        }
    }
}
