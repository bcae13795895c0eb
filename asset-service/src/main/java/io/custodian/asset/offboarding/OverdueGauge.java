package io.custodian.asset.offboarding;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code custodian_offboardings_overdue}: open off-boardings with a return still pending past the
 * last working day plus {@code custodian.offboarding.grace} (the rule the daily escalation and
 * {@code ?overdue=true} use), counted at each scrape; NaN when the database cannot be read.
 */
@Startup
@ApplicationScoped
class OverdueGauge {

    private final OffboardingStore store;
    private final Clock clock;

    OverdueGauge(OffboardingStore store, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.clock = clock;
        Gauge.builder("custodian.offboardings.overdue", this, OverdueGauge::count)
                .description("Open off-boardings with returns overdue")
                .register(metrics);
    }

    private double count() {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> store.countOverdue(LocalDate.now(clock)));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
