package io.custodian.asset.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Locale;

/**
 * {@code custodian_incidents_reported_total{kind, late}}: loss and theft reports, counted once
 * their transaction committed (a refused or rolled-back report counts nothing). Every series is
 * registered at start, so a dashboard shows 0 rather than nothing.
 */
@Startup
@ApplicationScoped
class IncidentMetrics {

    private final MeterRegistry metrics;
    private final Event<Reported> reported;

    IncidentMetrics(MeterRegistry metrics, Event<Reported> reported) {
        this.metrics = metrics;
        this.reported = reported;
        for (Incident.Kind kind : Incident.Kind.values()) {
            counter(kind, true);
            counter(kind, false);
        }
    }

    /** A report within the current transaction: counted when it commits. */
    void reported(Incident incident) {
        reported.fire(new Reported(incident.kind, incident.late));
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) Reported report) {
        counter(report.kind(), report.late()).increment();
    }

    private Counter counter(Incident.Kind kind, boolean late) {
        return Counter.builder("custodian.incidents.reported")
                .description("Loss and theft reports, by kind and whether reported late")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("late", String.valueOf(late))
                .register(metrics);
    }

    record Reported(Incident.Kind kind, boolean late) {}
}
