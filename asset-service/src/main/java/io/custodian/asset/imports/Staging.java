package io.custodian.asset.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.custodian.asset.imports.Dialect.Field;
import io.custodian.asset.imports.ImportJobs.Counts;
import io.custodian.asset.imports.ImportJobs.Job;
import io.custodian.asset.inventory.BulkRegister;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The staging of a job (stage): the mapped rows of its file copied into the unlogged table {@code
 * import_row} with one {@code COPY}, row errors into {@code import_error}, then the checks only the
 * whole file allows, set by set.
 */
@ApplicationScoped
class Staging {

    // every step logs as the runner: one category follows a job from start to end
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    /**
     * Ids of the assets an import creates, given at staging: time-ordered (version 7), so that the
     * new rows go to the end of the primary key's index instead of all over it.
     */
    private static final UuidVersion7Strategy IDS = UuidVersion7Strategy.INSTANCE;

    /** The condition that selects a job's valid staged rows ({@code s}); its parameter: the job. */
    static final String VALID =
            "s.job_id = ? and not exists (select 1 from import_error e"
                    + " where e.job_id = s.job_id and e.row_number = s.row_number)";

    private final DataSource dataSource;
    private final ImportConfig config;
    private final ImportJobs jobs;

    Staging(DataSource dataSource, ImportConfig config, ImportJobs jobs) {
        this.dataSource = dataSource;
        this.config = config;
        this.jobs = jobs;
    }

    /** The job's staged rows that no error rejects, as the register's bulk writer reads them. */
    static BulkRegister.Staged valid(Job job) {
        return new BulkRegister.Staged("import_row s", VALID, List.of(job.id()));
    }

    /** How many of the job's staged rows no error rejects. */
    static long countValid(Connection connection, Job job) throws SQLException {
        return Sql.count(connection, "select count(*) from import_row s where " + VALID, job.id());
    }

    /**
     * Maps and stages the rows of the file after its header, chunk by chunk; null, or the error of
     * the row where the file stops being CSV (nothing is staged then).
     */
    RowError stage(Connection connection, Job job, CsvFile file, RowMapper mapper, Counts counts)
            throws SQLException {
        List<RowError> errors = new ArrayList<>();
        List<RowError> unknownAssignees = new ArrayList<>();
        List<StagedRow> chunk = new ArrayList<>(config.chunkSize());
        long row = 1;
        int logged = 0;
        // one COPY for the whole file, fed chunk by chunk: PostgreSQL stores a chunk while the
        // next is parsed here; progress and row errors go through a second connection
        RowError malformed = null;
        try (Connection status = dataSource.getConnection();
                Copy copy = new Copy(connection, job)) {
            while (true) {
                String[] values;
                try {
                    if (!file.hasNext()) {
                        break;
                    }
                    values = file.next();
                } catch (RuntimeException e) {
                    // the parser cannot go on past a broken quote: the file is rejected whole,
                    // in either mode (the COPY is cancelled when it closes unended)
                    if (!(e.getCause() instanceof JsonProcessingException bad)) {
                        throw e;
                    }
                    malformed = CsvFile.malformed(row + 1, bad);
                    break;
                }
                row++;
                counts.read++;
                StagedRow staged = mapper.map(row, values, errors);
                if (staged != null) {
                    chunk.add(staged);
                    if (staged.holderPersonId() != null) {
                        counts.holders++;
                    }
                    if (staged.unknownAssignee() != null) {
                        unknownAssignees.add(staged.unknownAssignee());
                    }
                }
                if (chunk.size() + errors.size() >= config.chunkSize()) {
                    flush(copy, status, job, chunk, errors, unknownAssignees, counts);
                    int progress = progress(file.bytesRead(), job.fileSize());
                    jobs.progress(status, job.id(), counts, progress);
                    if (progress / 10 > logged) {
                        logged = progress / 10;
                        LOG.infof(
                                "import %s: %d%%, %d rows read, %d rejected",
                                job.id(), progress, counts.read, counts.rejected);
                    }
                }
            }
            if (malformed == null) {
                flush(copy, status, job, chunk, errors, unknownAssignees, counts);
                copy.end();
            }
        }
        return malformed;
    }

    /**
     * The checks only the whole file allows, set by set: rows without a tag take the tag of the
     * asset with their serial number; repeated tags and serial numbers (the later row is rejected,
     * naming the first), serial numbers of other assets. How many rows are rejected in all. The
     * register is only read here, joined to the staged rows in the same statements.
     */
    long check(Connection connection, Job job, RowMapper mapper) throws SQLException {
        // the staging table is empty between jobs: without fresh statistics the planner would take
        // the staged rows for one row and join them row by row
        Sql.update(connection, "analyze import_row");
        String tagColumn = mapper.label(Field.ASSET_TAG);
        String serialColumn = mapper.label(Field.SERIAL);
        // upsert by serial number: a row without a tag is the asset with its serial number
        Sql.update(
                connection,
                "update import_row s set asset_tag = a.asset_tag from asset a"
                        + " where s.job_id = ? and s.asset_tag is null"
                        + " and a.serial_number = s.serial_number"
                        + " and coalesce(lower(a.manufacturer), '') ="
                        + " coalesce(lower(s.manufacturer), '')",
                job.id());
        Sql.update(
                connection,
                "insert into import_error (job_id, row_number, column_name, reason) select job_id,"
                        + " row_number, ?, 'required: no asset has serial number ' || serial_number"
                        + " from import_row where job_id = ? and asset_tag is null",
                tagColumn,
                job.id());
        // clashes only the whole file shows: repeated asset tags and serial numbers, serials of
        // others
        Sql.update(
                connection,
                "insert into import_error (job_id, row_number, column_name, reason)"
                        + " select job_id, row_number, ?, 'asset tag repeats row ' || first_row"
                        + " from (select job_id, row_number, min(row_number) over (partition by"
                        + " asset_tag) as first_row from import_row where job_id = ?"
                        + " and asset_tag is not null) d"
                        + " where row_number > first_row",
                tagColumn,
                job.id());
        Sql.update(
                connection,
                "insert into import_error (job_id, row_number, column_name, reason)"
                        + " select job_id, row_number, ?, 'serial number repeats row ' || first_row"
                        + " from (select job_id, row_number, min(row_number) over (partition by"
                        + " coalesce(lower(manufacturer), ''), serial_number) as first_row"
                        + " from import_row where job_id = ? and serial_number is not null) d"
                        + " where row_number > first_row",
                serialColumn,
                job.id());
        Sql.update(
                connection,
                "insert into import_error (job_id, row_number, column_name, reason)"
                        + " select s.job_id, s.row_number, ?,"
                        + " 'serial number belongs to asset ' || a.asset_tag"
                        + " from import_row s join asset a on coalesce(lower(a.manufacturer), '')"
                        + " = coalesce(lower(s.manufacturer), '') and a.serial_number ="
                        + " s.serial_number where s.job_id = ? and s.serial_number is not null"
                        + " and a.asset_tag <> s.asset_tag",
                serialColumn,
                job.id());
        return Sql.count(
                connection,
                "select count(distinct row_number) from import_error where job_id = ?",
                job.id());
    }

    private static int progress(long bytesRead, long size) {
        return size <= 0 ? 0 : (int) Math.min(89, bytesRead * 90 / size);
    }

    /**
     * Writes the chunk's valid rows to the staging COPY, its errors into import_error and the
     * assignees the directory does not know into import_unknown_assignee.
     */
    private void flush(
            Copy copy,
            Connection status,
            Job job,
            List<StagedRow> chunk,
            List<RowError> errors,
            List<RowError> unknownAssignees,
            Counts counts)
            throws SQLException {
        if (!chunk.isEmpty()) {
            copy.write(chunk);
            chunk.clear();
        }
        if (!unknownAssignees.isEmpty()) {
            jobs.insertUnknownAssignees(status, job.id(), unknownAssignees);
            unknownAssignees.clear();
        }
        if (!errors.isEmpty()) {
            jobs.insertErrors(status, job.id(), errors);
            Set<Long> rows = new HashSet<>();
            errors.forEach(e -> rows.add(e.row()));
            counts.rejected += rows.size();
            errors.clear();
        }
    }

    /**
     * The staging table's COPY, open while the file is read: each chunk's valid rows are written to
     * it as CSV, and PostgreSQL stores them while the next chunk is parsed. Closed without {@link
     * #end} (a failure), it is cancelled and nothing of it is kept.
     */
    private static final class Copy implements AutoCloseable {
        private final CopyIn copy;
        private final String jobId;

        Copy(Connection connection, Job job) throws SQLException {
            this.copy =
                    connection
                            .unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "copy import_row (job_id, row_number, asset_id, asset_tag,"
                                            + " name, category, original_category,"
                                            + " classification, status,"
                                            + " serial_number, manufacturer, model, notes,"
                                            + " location, purchase_date, warranty_until,"
                                            + " owner_person_id, owner_group_id,"
                                            + " holder_person_id) from stdin"
                                            + " (format csv)");
            this.jobId = job.id().toString();
        }

        void write(List<StagedRow> rows) throws SQLException {
            StringBuilder csv = new StringBuilder(rows.size() * 200);
            for (StagedRow r : rows) {
                csv.append(jobId)
                        .append(',')
                        .append(r.row())
                        .append(',')
                        .append(IDS.generateUuid(null));
                for (Object value :
                        new Object[] {
                            r.assetTag(),
                            r.name(),
                            r.category(),
                            r.originalCategory(),
                            r.classification(),
                            r.status(),
                            r.serialNumber(),
                            r.manufacturer(),
                            r.model(),
                            r.notes(),
                            r.location(),
                            r.purchaseDate(),
                            r.warrantyUntil(),
                            r.ownerPersonId(),
                            r.ownerGroupId(),
                            r.holderPersonId()
                        }) {
                    csv.append(',');
                    if (value != null) {
                        csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
                    }
                }
                csv.append('\n');
            }
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        }

        void end() throws SQLException {
            copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
