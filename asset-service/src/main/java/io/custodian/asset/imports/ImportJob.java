package io.custodian.asset.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
        String failure,
        Custody custody) {

    /** How many of the rows that name an assignee the report lists (all are counted). */
    static final int LISTED_ASSIGNEES = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a Snipe-IT import did with the assignees (once it has completed): how many assets got
     * their assignee as holder, that migrated custody asks no acceptable-use acknowledgement, and
     * the assignees the directory does not know (the asset is imported without a holder).
     */
    record Custody(
            long holdersSet,
            boolean acknowledgementRequired,
            String note,
            long assigneesNotFound,
            List<UnknownAssignee> unknownAssignees) {}

    /** A row whose assignee is not in the directory: its row, the column and the value. */
    record UnknownAssignee(long row, String column, String value) {}

    enum State {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED,
        REJECTED;

        public boolean finished() {
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
                    + " submitted_at, started_at, finished_at, revision, failure, holders_set,"
                    + " (select count(*) from import_unknown_assignee n where n.job_id ="
                    + " import_job.id and not exists (select 1 from import_error e where"
                    + " e.job_id = n.job_id and e.row_number = n.row_number))"
                    + " as assignees_not_found,"
                    + " (select jsonb_agg(jsonb_build_object('row', row_number, 'column',"
                    + " column_name, 'value', value) order by row_number) from (select n.* from"
                    + " import_unknown_assignee n where n.job_id = import_job.id and not exists"
                    + " (select 1 from import_error e where e.job_id = n.job_id and e.row_number"
                    + " = n.row_number) order by n.row_number limit "
                    + LISTED_ASSIGNEES
                    + ") l) as unknown_assignees";

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
                rs.getString("failure"),
                custody(rs, dialect));
    }

    private static Custody custody(ResultSet rs, String dialect) throws SQLException {
        long holders = rs.getLong("holders_set");
        if (rs.wasNull() || !Dialect.SNIPEIT.name().equals(dialect)) {
            return null;
        }
        String unknown = rs.getString("unknown_assignees");
        try {
            return new Custody(
                    holders,
                    false,
                    "Holders were set from the file's assignees as " + Merge.MIGRATED_CUSTODY + ".",
                    rs.getLong("assignees_not_found"),
                    unknown == null
                            ? List.of()
                            : JSON.readValue(
                                    unknown, new TypeReference<List<UnknownAssignee>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
