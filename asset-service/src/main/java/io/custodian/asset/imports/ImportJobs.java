package io.custodian.asset.imports;

import io.custodian.asset.imports.ImportJob.Mode;
import io.custodian.asset.imports.ImportJob.State;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A running job's own rows: its state, progress and counts in {@code import_job}, its row errors in
 * {@code import_error}, and the staging rows and file it leaves behind.
 */
@ApplicationScoped
class ImportJobs {

    // every step logs as the runner: one category follows a job from start to end
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final Clock clock;

    ImportJobs(Clock clock) {
        this.clock = clock;
    }

    /** What the job row says about how to run it. */
    record Job(
            UUID id,
            State state,
            Dialect dialect,
            Mode mode,
            boolean dryRun,
            UUID defaultOwnerGroup,
            Path file,
            long fileSize,
            String startedBy) {}

    /** Row counts while the file is read. */
    static final class Counts {
        long read;
        long rejected;

        /** Staged rows that name a holder the directory knows. */
        long holders;
    }

    Job load(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "select state, dialect, mode, dry_run, default_owner_group_id, file_path,"
                                + " file_size, started_by from import_job where id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String dialect = rs.getString("dialect");
                return new Job(
                        id,
                        State.valueOf(rs.getString("state")),
                        dialect == null ? null : Dialect.valueOf(dialect),
                        Mode.valueOf(rs.getString("mode")),
                        rs.getBoolean("dry_run"),
                        rs.getObject("default_owner_group_id", UUID.class),
                        Path.of(rs.getString("file_path")),
                        rs.getLong("file_size"),
                        rs.getString("started_by"));
            }
        }
    }

    /** The job running (again): what an interrupted attempt staged is cleared first. */
    void start(Connection connection, Job job) throws SQLException {
        Sql.update(
                connection,
                "delete from import_row where job_id = ?",
                job.id()); // a rerun after a crash starts from a clean slate
        Sql.update(connection, "delete from import_error where job_id = ?", job.id());
        Sql.update(connection, "delete from import_change where job_id = ?", job.id());
        Sql.update(connection, "delete from import_unknown_assignee where job_id = ?", job.id());
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "update import_job set state = 'RUNNING', started_at = ?, progress = 0,"
                                + " rows_read = 0, rows_rejected = 0, attempts = attempts + 1,"
                                + " failure = null where id = ?")) {
            statement.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            statement.setObject(2, job.id());
            statement.executeUpdate();
        }
    }

    /** The dialect the header was found to be in. */
    void dialect(Connection connection, Job job, Dialect dialect) throws SQLException {
        Sql.update(
                connection,
                "update import_job set dialect = ? where id = ?",
                dialect.name(),
                job.id());
    }

    void progress(Connection connection, UUID id, Counts counts, int progress) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "update import_job set rows_read = ?, rows_rejected = ?, progress = ?"
                                + " where id = ?")) {
            statement.setLong(1, counts.read);
            statement.setLong(2, counts.rejected);
            statement.setInt(3, progress);
            statement.setObject(4, id);
            statement.executeUpdate();
        }
    }

    void insertErrors(Connection connection, UUID job, List<RowError> errors) throws SQLException {
        insertRows(
                connection, "import_error (job_id, row_number, column_name, reason)", job, errors);
    }

    /** Rows whose assignee the directory does not know: row, column and the value given. */
    void insertUnknownAssignees(Connection connection, UUID job, List<RowError> unknown)
            throws SQLException {
        insertRows(
                connection,
                "import_unknown_assignee (job_id, row_number, column_name, value)",
                job,
                unknown);
    }

    private static void insertRows(
            Connection connection, String table, UUID job, List<RowError> errors)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("insert into " + table + " values (?, ?, ?, ?)")) {
            for (RowError error : errors) {
                statement.setObject(1, job);
                statement.setLong(2, error.row());
                statement.setString(3, truncate(error.column(), 100));
                statement.setString(4, truncate(error.reason(), 500));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * The file cannot be imported at all (header, broken CSV): the errors, the job rejected and
     * nothing staged.
     */
    void reject(Connection connection, Job job, List<RowError> errors) throws SQLException {
        insertErrors(connection, job.id(), errors);
        LOG.infof("import %s: rejected, %s", job.id(), errors.get(0).reason());
        finish(connection, job.id(), State.REJECTED, null);
        cleanUp(connection, job);
    }

    /** The job's final counts, in the merge's transaction (a dry run's after its rollback). */
    void completed(
            Connection connection,
            Job job,
            long read,
            long rejected,
            long valid,
            Merge.Outcome outcome,
            Long revision)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "update import_job set state = 'COMPLETED', progress = 100,"
                                + " rows_read = ?, rows_rejected = ?, rows_created = ?,"
                                + " rows_updated = ?, rows_unchanged = ?, revision = ?,"
                                + " finished_at = ?, holders_set = ? where id = ?")) {
            statement.setLong(1, read);
            statement.setLong(2, rejected);
            statement.setLong(3, outcome.created());
            statement.setLong(4, outcome.updated());
            statement.setLong(5, valid - outcome.created() - outcome.updated());
            if (revision == null) {
                statement.setNull(6, java.sql.Types.BIGINT);
            } else {
                statement.setLong(6, revision);
            }
            statement.setTimestamp(7, Timestamp.from(Instant.now(clock)));
            statement.setLong(8, outcome.holders());
            statement.setObject(9, job.id());
            statement.executeUpdate();
        }
    }

    void finish(Connection connection, UUID id, State state, String failure) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "update import_job set state = ?, progress = 100, finished_at = ?,"
                                + " failure = ? where id = ?")) {
            statement.setString(1, state.name());
            statement.setTimestamp(2, Timestamp.from(Instant.now(clock)));
            statement.setString(3, failure == null ? null : truncate(failure, 2000));
            statement.setObject(4, id);
            statement.executeUpdate();
        }
    }

    /** Staging rows and the file go once the job has ended; its row and errors stay. */
    void cleanUp(Connection connection, Job job) {
        try {
            Sql.update(connection, "delete from import_row where job_id = ?", job.id());
            Files.deleteIfExists(job.file());
        } catch (SQLException | IOException e) {
            LOG.warnf(e, "import %s: could not clean up", job.id());
        }
    }

    /**
     * A job a crash or restart interrupted that will not run again: failed, and its staging rows
     * gone (its file is kept, as it may be the only copy).
     */
    void failInterrupted(Connection connection, UUID id, String failure) throws SQLException {
        Sql.update(
                connection,
                "update import_job set state = 'FAILED', failure = ?,"
                        + " finished_at = ? where id = ?",
                failure,
                Timestamp.from(Instant.now(clock)),
                id);
        Sql.update(connection, "delete from import_row where job_id = ?", id);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
