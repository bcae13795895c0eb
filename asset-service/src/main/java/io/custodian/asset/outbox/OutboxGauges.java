package io.custodian.asset.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the outbox holds, as gauges read at each scrape from one query on the partial index of
 * unpublished rows: {@code custodian_outbox_backlog} (rows not yet acknowledged by the broker) and
 * {@code custodian_outbox_oldest_age_seconds} (how long the oldest of them has waited; 0 when there
 * is none). The second is what the alert watches: an event older than a minute is an alert that has
 * not left. A snapshot serves both gauges of one scrape; when the database cannot be read both are
 * NaN, which Prometheus shows as a gap rather than a false "all clear".
 */
@Startup
@ApplicationScoped
class OutboxGauges {

    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final Clock clock;
    private volatile Snapshot last =
            new Snapshot(System.nanoTime() - FRESH_NANOS, Double.NaN, Double.NaN);

    OutboxGauges(MeterRegistry metrics, Clock clock) {
        this.clock = clock;
        Gauge.builder("custodian.outbox.backlog", this, g -> g.snapshot().rows)
                .description("Outbox rows not yet acknowledged by the broker")
                .register(metrics);
        Gauge.builder("custodian.outbox.oldest.age", this, g -> g.snapshot().oldestAgeSeconds)
                .description("How long the oldest unpublished outbox row has waited")
                .baseUnit("seconds")
                .register(metrics);
    }

    private Snapshot snapshot() {
        long taken = System.nanoTime();
        Snapshot current = last;
        if (taken - current.takenNanos < FRESH_NANOS) {
            return current;
        }
        Instant now = Instant.now(clock);
        Snapshot snapshot;
        try {
            Object[] row =
                    QuarkusTransaction.requiringNew()
                            .call(
                                    () ->
                                            OutboxEvent.getEntityManager()
                                                    .createQuery(
                                                            "select count(e), min(e.createdAt) from"
                                                                    + " OutboxEvent e where"
                                                                    + " e.publishedAt is null",
                                                            Object[].class)
                                                    .getSingleResult());
            long rows = ((Number) row[0]).longValue();
            Instant oldest = (Instant) row[1];
            double age =
                    oldest == null
                            ? 0
                            : Math.max(0, Duration.between(oldest, now).toMillis() / 1e3);
            snapshot = new Snapshot(taken, rows, age);
        } catch (RuntimeException e) {
            snapshot = new Snapshot(taken, Double.NaN, Double.NaN);
        }
        last = snapshot;
        return snapshot;
    }

    private record Snapshot(long takenNanos, double rows, double oldestAgeSeconds) {}
}
