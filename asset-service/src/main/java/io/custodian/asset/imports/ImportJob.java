package io.custodian.asset.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An import job as the API shows it (the row of {@code import_job}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportJob(
        UUID id,
        State state,
        String dialect,
        String mode,
        boolean dryRun,
        UUID defaultOwnerGroup,
        long rowsRead,
        RowsImported rowsImported,
        long rowsRejected,
        int progress,
        String startedBy,
        Instant submittedAt,
        Instant startedAt,
        Instant finishedAt,
        Long revision,
        String failure) {

    enum State {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED,
        REJECTED;

        boolean finished() {
            return this == COMPLETED || this == FAILED || this == REJECTED;
        }
    }

    enum Mode {
        ALL_OR_NOTHING,
        SKIP_INVALID;

        static Mode parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "all-or-nothing" -> ALL_OR_NOTHING;
                case "skip-invalid" -> SKIP_INVALID;
                default -> throw new IllegalArgumentException(value);
            };
        }

        String spelled() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Valid rows by what they did to the register (or would do, on a dry run): new assets, changed
     * assets, and assets already exactly as the row says.
     */
    record RowsImported(long created, long updated, long unchanged) {}

    static final String COLUMNS =
            "id, state, dialect, mode, dry_run, default_owner_group_id, rows_read, rows_created,"
                    + " rows_updated, rows_unchanged, rows_rejected, progress, started_by,"
                    + " submitted_at, started_at, finished_at, revision, failure";

    static ImportJob of(ResultSet rs) throws SQLException {
        String dialect = rs.getString("dialect");
        long revision = rs.getLong("revision");
        boolean noRevision = rs.wasNull();
        return new ImportJob(
                rs.getObject("id", UUID.class),
                State.valueOf(rs.getString("state")),
                dialect == null ? null : dialect.toLowerCase(Locale.ROOT),
                Mode.valueOf(rs.getString("mode")).spelled(),
                rs.getBoolean("dry_run"),
                rs.getObject("default_owner_group_id", UUID.class),
                rs.getLong("rows_read"),
                new RowsImported(
                        rs.getLong("rows_created"),
                        rs.getLong("rows_updated"),
                        rs.getLong("rows_unchanged")),
                rs.getLong("rows_rejected"),
                rs.getInt("progress"),
                rs.getString("started_by"),
                instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                noRevision ? null : revision,
                rs.getString("failure"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
