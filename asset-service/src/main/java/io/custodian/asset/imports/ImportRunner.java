package io.custodian.asset.imports;

import io.custodian.asset.imports.ImportJob.Mode;
import io.custodian.asset.imports.ImportJob.State;
import io.custodian.asset.imports.ImportJobs.Counts;
import io.custodian.asset.imports.ImportJobs.Job;
import io.custodian.asset.ownership.BulkParties;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs one import job, step by step, and owns its lifecycle and its merge's transaction: parse the
 * stored file ({@link CsvFile}, {@link RowMapper}) and stage its rows ({@link Staging}), check the
 * whole file, then — in one transaction, so the register gets the whole import or nothing of it —
 * drop what a migration rebuilds ({@link IndexRebuild}), merge ({@link Merge}), build it again,
 * settle the leavers' ownership transfers and record the job's outcome.
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final DataSource dataSource;
    private final ImportConfig config;
    private final Clock clock;
    private final ImportJobs jobs;
    private final BulkParties parties;
    private final Staging staging;
    private final Merge merge;
    private final IndexRebuild rebuild;
    private final SnipeItMappings mappings;
    private final ImportMetrics metrics;

    ImportRunner(
            DataSource dataSource,
            ImportConfig config,
            Clock clock,
            ImportJobs jobs,
            BulkParties parties,
            Staging staging,
            Merge merge,
            IndexRebuild rebuild,
            ImportMetrics metrics) {
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.jobs = jobs;
        this.parties = parties;
        this.staging = staging;
        this.merge = merge;
        this.rebuild = rebuild;
        this.mappings = new SnipeItMappings(config.snipeit());
    }

    void run(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Job job = jobs.load(connection, id);
            if (job == null || job.state().finished()) {
                return;
            }
            long started = System.nanoTime();
            try {
                metrics.finished(job.dryRun(), execute(connection, job), started);
            } catch (Exception e) {
                metrics.finished(job.dryRun(), State.FAILED, started);
                LOG.errorf(e, "import %s failed", id);
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                jobs.finish(connection, id, State.FAILED, failure(e));
                jobs.cleanUp(connection, job);
            }
        } catch (SQLException e) {
            LOG.errorf(e, "import %s could not be run; it stays queued for the next start", id);
        }
    }

    /**
     * Why a job failed, for {@code failure}: the database's own message (and detail) when the
     * database refused something, however deep the transaction manager wrapped it (a refusal at the
     * commit arrives as "could not commit"), else the error itself. A failed job has written
     * nothing: the merge is one transaction, and everything before it only stages.
     */
    static String failure(Throwable e) {
        String reason = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage error = psql.getServerErrorMessage();
                reason =
                        error.getMessage()
                                + (error.getDetail() == null ? "" : " (" + error.getDetail() + ")");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (reason == null) {
            reason = root.getMessage() == null ? root.toString() : root.getMessage();
        }
        return "nothing of the file was written: " + reason;
    }

    /** Runs the job to its outcome: {@code COMPLETED} or {@code REJECTED} (else it throws). */
    private State execute(Connection connection, Job job) throws SQLException, IOException {
        jobs.start(connection, job);
        LOG.infof(
                "import %s: started by %s (%s, %s%s), %d bytes",
                job.id(),
                job.startedBy(),
                job.dialect() == null ? "dialect from the header" : job.dialect(),
                job.mode().spelled(),
                job.dryRun() ? ", dry run" : "",
                job.fileSize());
        long started = System.nanoTime();
        KnownOwners owners = KnownOwners.load(parties, connection);
        Counts counts = new Counts();
        RowMapper mapper;
        try (CsvFile file = CsvFile.open(job.file())) {
            if (!file.hasNext()) {
                jobs.reject(
                        connection, job, List.of(new RowError(1, "header", "the file is empty")));
                return State.REJECTED;
            }
            String[] header = file.next();
            Dialect dialect = job.dialect() != null ? job.dialect() : Dialect.detect(header);
            if (dialect == null) {
                jobs.reject(
                        connection,
                        job,
                        List.of(
                                new RowError(
                                        1,
                                        "header",
                                        "neither a Custodian header (assetTag, …) nor a Snipe-IT"
                                                + " export or import template (Asset Tag, …)")));
                return State.REJECTED;
            }
            jobs.dialect(connection, job, dialect);
            List<RowError> errors = new ArrayList<>();
            mapper =
                    RowMapper.forHeader(
                            dialect, header, owners, job.defaultOwnerGroup(), mappings, errors);
            if (mapper == null) {
                jobs.reject(connection, job, errors);
                return State.REJECTED;
            }
            RowError malformed = staging.stage(connection, job, file, mapper, counts);
            if (malformed != null) {
                jobs.progress(connection, job.id(), counts, 100);
                jobs.reject(connection, job, List.of(malformed));
                return State.REJECTED;
            }
            jobs.progress(connection, job.id(), counts, 90);
            LOG.infof(
                    "import %s: 90%%, file read, %d rows read, %d rejected; checking the whole"
                            + " file",
                    job.id(), counts.read, counts.rejected);
        }

        long rejected = staging.check(connection, job, mapper);
        counts.rejected = rejected;
        jobs.progress(connection, job.id(), counts, 92);

        if (job.mode() == Mode.ALL_OR_NOTHING && rejected > 0) {
            LOG.infof(
                    "import %s: rejected, %d of %d rows invalid (all-or-nothing), %s",
                    job.id(), rejected, counts.read, elapsed(counts.read, started));
            jobs.finish(connection, job.id(), State.REJECTED, null);
            jobs.cleanUp(connection, job);
            metrics.rows(job.dryRun(), 0, 0, 0, rejected);
            return State.REJECTED;
        }

        if (job.dryRun()) {
            Merge.recordChanges(connection, job);
        }
        // the merge: one transaction for the register, its history, the off-boarding items it
        // settles and the job's outcome
        long valid = Staging.countValid(connection, job);
        Merge.Outcome outcome;
        try {
            outcome =
                    QuarkusTransaction.requiringNew()
                            .timeout(Math.toIntExact(config.mergeTimeout().toSeconds()))
                            .call(
                                    () ->
                                            inTransaction(
                                                    job,
                                                    counts.read,
                                                    rejected,
                                                    valid,
                                                    counts.holders > 0));
        } catch (DryRun dryRun) { // rolled back: the job records what would have happened
            outcome = dryRun.outcome;
            jobs.completed(connection, job, counts.read, rejected, valid, outcome, null);
        }
        long created = outcome.created();
        long updated = outcome.updated();
        if (outcome.holders() > 0) {
            LOG.infof(
                    "import %s: %d holders set (custody %s)",
                    job.id(), outcome.holders(), Merge.MIGRATED_CUSTODY);
        }
        LOG.infof(
                "import %s: %s, %d rows read: %d created, %d updated, %d unchanged, %d rejected;"
                        + " %s",
                job.id(),
                job.dryRun() ? "dry run completed (nothing written)" : "completed",
                counts.read,
                created,
                updated,
                valid - created - updated,
                rejected,
                elapsed(counts.read, started));
        jobs.cleanUp(connection, job);
        metrics.rows(job.dryRun(), created, updated, valid - created - updated, rejected);
        return State.COMPLETED;
    }

    /** Ends a dry run's merge transaction with a rollback, carrying what it would have done. */
    private static final class DryRun extends RuntimeException {
        private final transient Merge.Outcome outcome;

        DryRun(Merge.Outcome outcome) {
            super("dry run", null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * Runs inside the merge's transaction (the connection is enlisted in it, as is the ORM session
     * the off-boarding observers use): what a migration rebuilds dropped (if it can take its
     * tables), the merge with its history, the rebuild, then the owner changes that settle pending
     * ownership transfers of leavers, and the job's outcome. A dry run is rolled back.
     */
    private Merge.Outcome inTransaction(
            Job job, long read, long rejected, long valid, boolean holders) throws SQLException {
        Instant now = Instant.now(clock);
        try (Connection connection = dataSource.getConnection()) {
            IndexRebuild.Plan plan = rebuild.plan(connection, job, valid);
            if (!plan.none() && !rebuild.drop(connection, job, plan)) {
                plan = IndexRebuild.Plan.NONE;
            }
            Merge.Merged merged = merge.merge(connection, job, now, !plan.none(), holders);
            if (job.dryRun()) {
                throw new DryRun(merged.outcome()); // rolls the transaction back
            }
            if (!plan.none()) {
                rebuild.build(connection, job, plan);
            }
            merge.settleOwnershipTransfers(connection, job, merged.revision());
            jobs.completed(
                    connection, job, read, rejected, valid, merged.outcome(), merged.revision());
            return merged.outcome();
        }
    }

    /** {@code 12.3 s, 81234 rows/s}: how long the job took since {@code started}, and its rate. */
    static String elapsed(long rows, long started) {
        long nanos = Math.max(1, System.nanoTime() - started);
        return String.format(
                Locale.ROOT, "%.1f s, %d rows/s", nanos / 1e9, Math.round(rows / (nanos / 1e9)));
    }
}
