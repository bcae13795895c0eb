package io.custodian.asset.imports;

import io.custodian.asset.imports.ImportJob.State;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What imports did: {@code custodian_imports_rows_total{result, dry_run}} (rows created, updated,
 * unchanged or rejected; {@code rate()} of it is the import's rows per second) and {@code
 * custodian_imports_duration_seconds{outcome, dry_run}} (each job, from its start to its outcome:
 * completed, rejected or failed).
 */
@Startup
@ApplicationScoped
class ImportMetrics {

    private final MeterRegistry metrics;

    ImportMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
        for (boolean dryRun : new boolean[] {false, true}) {
            for (String result : new String[] {"created", "updated", "unchanged", "rejected"}) {
                rows(result, dryRun);
            }
        }
    }

    void rows(boolean dryRun, long created, long updated, long unchanged, long rejected) {
        rows("created", dryRun).increment(created);
        rows("updated", dryRun).increment(updated);
        rows("unchanged", dryRun).increment(unchanged);
        rows("rejected", dryRun).increment(rejected);
    }

    void finished(boolean dryRun, State outcome, long startedNanos) {
        Timer.builder("custodian.imports.duration")
                .description("Import jobs, from their start to their outcome")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("dry_run", String.valueOf(dryRun))
                .register(metrics)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private Counter rows(String result, boolean dryRun) {
        return Counter.builder("custodian.imports.rows")
                .description("Rows of import jobs, by what became of them")
                .tag("result", result)
                .tag("dry_run", String.valueOf(dryRun))
                .register(metrics);
    }
}
