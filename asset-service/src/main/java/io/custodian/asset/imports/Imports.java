package io.custodian.asset.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.imports.ImportJob.State;
import io.custodian.asset.ownership.PeopleAndGroups;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Paged;
import io.custodian.asset.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Bulk imports as jobs: the upload is streamed to a file and the job queued; {@link ImportQueue}
 * runs the jobs in turn, one at a time across the replicas ({@link ImportRunner}), and runs again
 * from its file a job a crash or a restart interrupted.
 */
@ApplicationScoped
class Imports {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private static final Logger LOG = Logger.getLogger(Imports.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final ImportQueue queue;
    private final ImportJobs jobs;
    private final PeopleAndGroups peopleAndGroups;
    private final ImportConfig config;
    private final Clock clock;

    Imports(
            DataSource dataSource,
            ImportQueue queue,
            ImportJobs jobs,
            PeopleAndGroups peopleAndGroups,
            ImportConfig config,
            Clock clock) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.jobs = jobs;
        this.peopleAndGroups = peopleAndGroups;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The uploads folder, readable by this service's user only ({@code 0700}; files {@code 0600}):
     * created so, and tightened when it exists; one that belongs to another user (e.g. planted in a
     * shared temp directory) cannot be tightened, and the upload fails rather than land there.
     */
    private Path privateDirectory() throws IOException {
        Path dir = config.directory();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
        return dir;
    }

    /** Store the upload (streamed, never whole in memory) and queue its job. */
    ImportJob submit(InputStream body, ImportOptions options, String startedBy) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            if (options.defaultOwnerGroup() != null
                    && peopleAndGroups.findGroup(options.defaultOwnerGroup()).isEmpty()) {
                throw ProblemException.invalid("defaultOwnerGroup", "no group with this id");
            }
            Path file = privateDirectory().resolve(id + ".csv");
            long size;
            try (body;
                    OutputStream out =
                            Files.newOutputStream(
                                    Files.createFile(file, OWNER_ONLY_FILE),
                                    StandardOpenOption.WRITE)) {
                size = body.transferTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(file); // the upload broke off: no job
                throw e;
            }
            try (PreparedStatement statement =
                    connection.prepareStatement(
                            "insert into import_job (id, state, dialect, mode, dry_run,"
                                + " default_owner_group_id, file_path, file_size, started_by,"
                                + " submitted_at) values (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setObject(1, id);
                statement.setString(2, options.dialect() == null ? null : options.dialect().name());
                statement.setString(3, options.mode().name());
                statement.setBoolean(4, options.dryRun());
                statement.setObject(5, options.defaultOwnerGroup());
                statement.setString(6, file.toAbsolutePath().toString());
                statement.setLong(7, size);
                statement.setString(8, startedBy);
                statement.setTimestamp(9, Timestamp.from(Instant.now(clock)));
                statement.executeUpdate();
            }
            LOG.infof("import %s: %d bytes received from %s, queued", id, size, startedBy);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        queue.wake();
        return read(id);
    }

    ImportJob read(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "select " + ImportJob.COLUMNS + " from import_job where id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("import", id);
                }
                return ImportJob.of(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * GET /api/v1/imports: the jobs newest first (submitted, then id), optionally in some states,
     * keyset pages.
     */
    Paged list(Listing listing) {
        Keyset.Request request = Keyset.request(listing, "state");
        int limit = request.limit();
        Keyset.Position after = request.after();
        Set<State> states = Keyset.enumValues(request.params(), "state", State.class);
        List<String> where = new ArrayList<>();
        if (!states.isEmpty()) {
            where.add("state = any(?)");
        }
        if (after != null) {
            where.add("(submitted_at, id) < (?, ?)");
        }
        String sql =
                "select "
                        + ImportJob.COLUMNS
                        + " from import_job"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by submitted_at desc, id desc limit ?";
        List<ImportJob> rows = new ArrayList<>(limit + 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (!states.isEmpty()) {
                statement.setArray(
                        i++,
                        connection.createArrayOf(
                                "varchar", states.stream().map(State::name).toArray()));
            }
            if (after != null) {
                statement.setTimestamp(i++, Timestamp.from(after.at()));
                statement.setObject(i++, after.id());
            }
            statement.setInt(i, limit + 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(ImportJob.of(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return request.page(
                rows,
                job -> new Keyset.Position(job.submittedAt(), job.id()),
                job -> job,
                Page::new);
    }

    /** A page of jobs; {@code next} absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<ImportJob> items, String next) {}

    private static final String ERRORS =
            "select row_number, column_name, reason from import_error where job_id = ?"
                    + " order by row_number, column_name";

    private static final String CHANGES =
            "select row_number, asset_tag, action, changes::text from import_change"
                    + " where job_id = ? order by row_number";

    /** The job's row errors in row order, streamed as JSON ({@code {"items": […]}}). */
    void writeErrorsAsJson(UUID id, OutputStream out) throws IOException {
        writeItems(
                out,
                ERRORS,
                id,
                (json, rs) -> {
                    json.writeStringField("column", rs.getString(2));
                    json.writeStringField("reason", rs.getString(3));
                });
    }

    /**
     * The job's row errors as CSV ({@code row,column,reason}); cells a spreadsheet would run as a
     * formula are prefixed with an apostrophe.
     */
    void writeErrorsAsCsv(UUID id, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("row,column,reason\r\n");
        forEachRow(
                ERRORS,
                id,
                rs -> {
                    writer.write(Long.toString(rs.getLong(1)));
                    writer.write(',');
                    writer.write(cell(rs.getString(2)));
                    writer.write(',');
                    writer.write(cell(rs.getString(3)));
                    writer.write("\r\n");
                });
        writer.flush();
    }

    /** What a dry run would change, in row order, streamed as JSON ({@code {"items": […]}}). */
    void writeChangesAsJson(UUID id, OutputStream out) throws IOException {
        writeItems(
                out,
                CHANGES,
                id,
                (json, rs) -> {
                    json.writeStringField("assetTag", rs.getString(2));
                    json.writeStringField("action", rs.getString(3).toLowerCase(Locale.ROOT));
                    if (rs.getString(4) != null) {
                        json.writeFieldName("changes");
                        json.writeRawValue(rs.getString(4));
                    }
                });
    }

    /** A change a dry run would make to one field: its value now and after (null: none). */
    record FieldChange(String field, String from, String to) {}

    /** A row a dry run would create an asset from, or change one with. */
    record Change(long row, String assetTag, String action, List<FieldChange> fields) {}

    /** The job's first {@code limit} row errors, in row order (all of them: the writers above). */
    List<RowError> firstErrors(UUID id, int limit) throws IOException {
        List<RowError> errors = new ArrayList<>();
        forEachRow(
                ERRORS + " limit " + limit,
                id,
                rs -> errors.add(new RowError(rs.getLong(1), rs.getString(2), rs.getString(3))));
        return errors;
    }

    /** The first {@code limit} rows a dry run would change, in row order, field by field. */
    List<Change> firstChanges(UUID id, int limit) throws IOException {
        List<Change> changes = new ArrayList<>();
        forEachRow(
                CHANGES + " limit " + limit,
                id,
                rs -> {
                    List<FieldChange> fields = new ArrayList<>();
                    if (rs.getString(4) != null) {
                        JSON.readTree(rs.getString(4))
                                .fields()
                                .forEachRemaining(
                                        f ->
                                                fields.add(
                                                        new FieldChange(
                                                                f.getKey(),
                                                                text(f.getValue().get("from")),
                                                                text(f.getValue().get("to")))));
                    }
                    changes.add(
                            new Change(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3).toLowerCase(Locale.ROOT),
                                    fields));
                });
        return changes;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull()
                ? null
                : value.isValueNode() ? value.asText() : value.toString();
    }

    /** 404 unless the job exists: checked before a streamed answer starts. */
    void requireExists(UUID id) {
        read(id);
    }

    private interface RowSink {
        void accept(ResultSet row) throws SQLException, IOException;
    }

    private interface JsonRow {
        void write(JsonGenerator json, ResultSet row) throws SQLException, IOException;
    }

    /**
     * {@code {"items": […]}}: one object per row of the job's query, streamed, each first naming
     * the file's row (the query's first column), then {@code item}'s fields.
     */
    private void writeItems(OutputStream out, String sql, UUID id, JsonRow item)
            throws IOException {
        try (JsonGenerator json =
                new JsonFactory()
                        .createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            forEachRow(
                    sql,
                    id,
                    rs -> {
                        json.writeStartObject();
                        json.writeNumberField("row", rs.getLong(1));
                        item.write(json, rs);
                        json.writeEndObject();
                    });
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** Each row of a query about one job, read through a cursor 1,000 rows at a time. */
    private void forEachRow(String sql, UUID id, RowSink sink) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor needs a transaction
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1000);
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",")
                || safe.contains("\"")
                || safe.contains("\n")
                || safe.contains("\r")) {
            safe = '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
