package io.custodian.asset.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.custodian.asset.imports.Dialect.Field;
import io.custodian.asset.imports.ImportJob.Mode;
import io.custodian.asset.imports.ImportJob.State;
import io.custodian.asset.inventory.OwnerChanged;
import io.custodian.asset.ownership.Party;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs one import job: parse the stored file in chunks, copy the rows that are valid on their own
 * into the staging table ({@code COPY}), find clashes set by set (repeated asset tags and serial
 * numbers, serials of other assets), then merge into the register with one {@code INSERT … ON
 * CONFLICT (asset_tag) DO UPDATE} followed by the history rows of what it wrote — all in one
 * transaction, so the register gets the whole import or nothing of it.
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private static final CsvMapper CSV = csvMapper();

    /**
     * Ids of the assets an import creates, given at staging: time-ordered (version 7), so that the
     * new rows go to the end of the primary key's index instead of all over it.
     */
    private static final UuidVersion7Strategy IDS = UuidVersion7Strategy.INSTANCE;

    /** The columns every history row of an asset carries (asset_aud), as in asset. */
    private static final String AUDITED =
            "asset_tag, name, category, classification, status, serial_number, manufacturer,"
                    + " model, notes, location, purchase_date, warranty_until, disk_encrypted,"
                    + " mdm_enrolled, screen_lock, last_verified_at, next_verification_due,"
                    + " verification_reminded_for, owner_person_id, owner_group_id, holder_id,"
                    + " created_at, updated_at";

    private static final String VALID_ROWS =
            " from import_row s where s.job_id = ? and not exists (select 1 from import_error e"
                    + " where e.job_id = s.job_id and e.row_number = s.row_number)";

    /**
     * The status an update by {@link #MERGE} leaves, decided on the row as it is when the merge
     * writes it ({@code a}), not as the merge's snapshot saw it: a loss reported, or a return
     * begun, while the merge waited for that row is kept too.
     */
    private static final String KEPT_STATUS =
            "case when a.status in ('LOST', 'STOLEN', 'PENDING_RETURN') then a.status"
                    + " else excluded.status end";

    /**
     * The merge. Existing assets keep what the file cannot know: their classification when the file
     * has none (Snipe-IT), and a status owned by a workflow here (lost, stolen, pending return);
     * custody (holder) and posture are never touched. Rows that change nothing are not written at
     * all; every written row is noted in {@link #WRITTEN}, for its history row in the import's
     * revision ({@link #HISTORY}).
     */
    private static final String MERGE =
            "with up as ("
                    + " insert into asset as a (id, asset_tag, name, category, classification,"
                    + " status, serial_number, manufacturer, model, notes, location,"
                    + " purchase_date, warranty_until, owner_person_id, owner_group_id,"
                    + " created_at, updated_at, version, next_verification_due)"
                    + " select s.asset_id, s.asset_tag, s.name, s.category,"
                    + " coalesce(s.classification, x.classification, 'CONFIDENTIAL'),"
                    + " case when x.status in ('LOST', 'STOLEN', 'PENDING_RETURN') then x.status"
                    + " else s.status end,"
                    + " s.serial_number, s.manufacturer, s.model, s.notes, s.location,"
                    + " s.purchase_date, s.warranty_until, s.owner_person_id, s.owner_group_id,"
                    + " ?, ?, 0, ?"
                    + " from import_row s left join asset x on x.asset_tag = s.asset_tag"
                    + " where s.job_id = ? and not exists (select 1 from import_error e"
                    + " where e.job_id = s.job_id and e.row_number = s.row_number)"
                    + " on conflict (asset_tag) do update set name = excluded.name,"
                    + " category = excluded.category, classification = excluded.classification,"
                    + " status = "
                    + KEPT_STATUS
                    + ", serial_number = excluded.serial_number,"
                    + " manufacturer = excluded.manufacturer, model = excluded.model,"
                    + " notes = excluded.notes, location = excluded.location,"
                    + " purchase_date = excluded.purchase_date,"
                    + " warranty_until = excluded.warranty_until,"
                    + " owner_person_id = excluded.owner_person_id,"
                    + " owner_group_id = excluded.owner_group_id,"
                    + " updated_at = excluded.updated_at, version = a.version + 1"
                    + " where (a.name, a.category, a.classification, a.status, a.serial_number,"
                    + " a.manufacturer, a.model, a.notes, a.location, a.purchase_date,"
                    + " a.warranty_until, a.owner_person_id, a.owner_group_id)"
                    + " is distinct from (excluded.name, excluded.category,"
                    + " excluded.classification, "
                    + KEPT_STATUS
                    + ", excluded.serial_number,"
                    + " excluded.manufacturer, excluded.model, excluded.notes, excluded.location,"
                    + " excluded.purchase_date, excluded.warranty_until,"
                    + " excluded.owner_person_id, excluded.owner_group_id)"
                    + " returning a.id, (xmax = 0) as inserted)"
                    + " insert into import_written (id, revtype)"
                    + " select id, case when inserted then 0 else 1 end from up";

    /**
     * The assets {@link #MERGE} wrote, created (0) or updated (1), until the commit: their rows
     * stay locked by the merge, so they are read back as written.
     */
    private static final String WRITTEN =
            "create temporary table import_written (id uuid not null, revtype smallint not null)"
                    + " on commit drop";

    /**
     * The history rows of the assets {@link #MERGE} wrote, in the import's revision — numbered only
     * now, after every writer the merge had to wait for (a create of the same tag through the API,
     * say), so that the history shows their change before the import's.
     */
    private static final String HISTORY =
            "insert into asset_aud (id, rev, revtype, "
                    + AUDITED
                    + ") select a.id, ?, w.revtype, "
                    + AUDITED
                    + " from import_written w join asset a on a.id = w.id";

    /**
     * The people whose assets the import hands to another owner, read before the merge and locked
     * after it ({@link #lockPeople}) until the commit. An off-boarding locks its person before it
     * reads what they hold and own ({@code Offboardings.start}): one that starts before the lock
     * makes the import wait for its items, which the merge then settles ({@link
     * #settleOwnershipTransfers}); one that starts after it waits for the import's commit and then
     * finds the new owners. Without this, an off-boarding could read the assets before the import's
     * commit and write its items after the import had looked for them: a pending ownership transfer
     * of an asset the leaver no longer owns. Locked after the merge, not before: a check-in that
     * completes an off-boarding holds the asset, then wants its person.
     */
    private static final String PREVIOUS_OWNERS =
            "select distinct a.owner_person_id from import_row s join asset a"
                    + " on a.asset_tag = s.asset_tag where s.job_id = ?"
                    + " and a.owner_person_id is not null"
                    + " and a.owner_person_id is distinct from s.owner_person_id"
                    + " and not exists (select 1 from import_error e where e.job_id = s.job_id"
                    + " and e.row_number = s.row_number)";

    /**
     * The merge while the import holds the register (a migration, see {@link #toRebuild}): the same
     * outcome as {@link #MERGE} in two plain statements, an update of the known tags and an insert
     * of the new ones, each writing its history rows — no {@code ON CONFLICT}, so the unique
     * indexes can be built after it like the others. Nobody else writes meanwhile; the whole-file
     * checks have ruled out clashes, and the rebuilt unique indexes would refuse any that slipped
     * through (the transaction, and the import, would then fail whole).
     */
    private static final String UPDATE_KNOWN =
            "with up as (update asset a set name = s.name, category = s.category,"
                    + " classification = coalesce(s.classification, a.classification),"
                    + " status = case when a.status in ('LOST', 'STOLEN', 'PENDING_RETURN') then"
                    + " a.status else s.status end, serial_number = s.serial_number,"
                    + " manufacturer = s.manufacturer, model = s.model, notes = s.notes,"
                    + " location = s.location, purchase_date = s.purchase_date,"
                    + " warranty_until = s.warranty_until, owner_person_id = s.owner_person_id,"
                    + " owner_group_id = s.owner_group_id, updated_at = ?, version = a.version + 1"
                    + " from import_row s where s.job_id = ? and s.asset_tag = a.asset_tag"
                    + " and not exists (select 1 from import_error e where e.job_id = s.job_id"
                    + " and e.row_number = s.row_number)"
                    + " and (a.name, a.category, a.classification, a.status, a.serial_number,"
                    + " a.manufacturer, a.model, a.notes, a.location, a.purchase_date,"
                    + " a.warranty_until, a.owner_person_id, a.owner_group_id)"
                    + " is distinct from (s.name, s.category,"
                    + " coalesce(s.classification, a.classification), case when a.status in"
                    + " ('LOST', 'STOLEN', 'PENDING_RETURN') then a.status else s.status end,"
                    + " s.serial_number, s.manufacturer, s.model, s.notes, s.location,"
                    + " s.purchase_date, s.warranty_until, s.owner_person_id, s.owner_group_id)"
                    + " returning a.*)"
                    + " insert into asset_aud (id, rev, revtype, "
                    + AUDITED
                    + ") select id, ?, 1, "
                    + AUDITED
                    + " from up";

    private static final String INSERT_NEW =
            "with ins as (insert into asset (id, asset_tag, name, category, classification,"
                    + " status, serial_number, manufacturer, model, notes, location,"
                    + " purchase_date, warranty_until, owner_person_id, owner_group_id,"
                    + " created_at, updated_at, version, next_verification_due)"
                    + " select s.asset_id, s.asset_tag, s.name, s.category,"
                    + " coalesce(s.classification, 'CONFIDENTIAL'), s.status, s.serial_number,"
                    + " s.manufacturer, s.model, s.notes, s.location, s.purchase_date,"
                    + " s.warranty_until, s.owner_person_id, s.owner_group_id, ?, ?, 0, ?"
                    + " from import_row s where s.job_id = ? and not exists (select 1 from"
                    + " import_error e where e.job_id = s.job_id and e.row_number = s.row_number)"
                    + " and not exists (select 1 from asset x where x.asset_tag = s.asset_tag)"
                    + " returning *)"
                    + " insert into asset_aud (id, rev, revtype, "
                    + AUDITED
                    + ") select id, ?, 0, "
                    + AUDITED
                    + " from ins";

    private final DataSource dataSource;
    private final ImportConfig config;
    private final Clock clock;
    private final Duration cadence;
    private final Event<OwnerChanged> ownerChanged;

    ImportRunner(
            DataSource dataSource,
            ImportConfig config,
            Clock clock,
            @ConfigProperty(name = "custodian.verification.cadence") Duration cadence,
            Event<OwnerChanged> ownerChanged) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.cadence = cadence;
        this.ownerChanged = ownerChanged;
    }

    private static CsvMapper csvMapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        return mapper;
    }

    /** What the job row says about how to run it. */
    private record Job(
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
    private static final class Counts {
        long read;
        long rejected;
    }

    void run(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Job job = load(connection, id);
            if (job == null || job.state().finished()) {
                return;
            }
            try {
                execute(connection, job);
            } catch (Exception e) {
                LOG.errorf(e, "import %s failed", id);
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                finish(connection, id, State.FAILED, failure(e));
                cleanUp(connection, job);
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

    private void execute(Connection connection, Job job) throws SQLException, IOException {
        update(
                connection,
                "delete from import_row where job_id = ?",
                job.id()); // a rerun after a crash starts from a clean slate
        update(connection, "delete from import_error where job_id = ?", job.id());
        update(connection, "delete from import_change where job_id = ?", job.id());
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "update import_job set state = 'RUNNING', started_at = ?, progress = 0,"
                                + " rows_read = 0, rows_rejected = 0, attempts = attempts + 1,"
                                + " failure = null where id = ?")) {
            statement.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            statement.setObject(2, job.id());
            statement.executeUpdate();
        }
        LOG.infof(
                "import %s: started by %s (%s, %s%s), %d bytes",
                job.id(),
                job.startedBy(),
                job.dialect() == null ? "dialect from the header" : job.dialect(),
                job.mode().spelled(),
                job.dryRun() ? ", dry run" : "",
                job.fileSize());
        long started = System.nanoTime();
        Directory directory = Directory.load(connection);
        Counts counts = new Counts();
        RowMapper mapper;
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(job.file()));
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                MappingIterator<String[]> rows =
                        CSV.readerFor(String[].class)
                                .with(CsvSchema.emptySchema())
                                .readValues(reader)) {
            List<RowError> errors = new ArrayList<>();
            if (!rows.hasNext()) {
                reject(connection, job, List.of(new RowError(1, "header", "the file is empty")));
                return;
            }
            String[] header = rows.next();
            Dialect dialect = job.dialect() != null ? job.dialect() : Dialect.detect(header);
            if (dialect == null) {
                reject(
                        connection,
                        job,
                        List.of(
                                new RowError(
                                        1,
                                        "header",
                                        "neither a Custodian header (assetTag, …) nor a"
                                                + " Snipe-IT export (Asset Tag, …)")));
                return;
            }
            update(
                    connection,
                    "update import_job set dialect = ? where id = ?",
                    dialect.name(),
                    job.id());
            mapper =
                    RowMapper.forHeader(
                            dialect, header, directory, job.defaultOwnerGroup(), errors);
            if (mapper == null) {
                reject(connection, job, errors);
                return;
            }
            List<StagedRow> chunk = new ArrayList<>(config.chunkSize());
            long row = 1;
            int logged = 0;
            // one COPY for the whole file, fed chunk by chunk: PostgreSQL stores a chunk while the
            // next is parsed here; progress and row errors go through a second connection
            RowError malformed = null;
            try (Connection status = dataSource.getConnection();
                    Staging staging = new Staging(connection, job)) {
                while (true) {
                    String[] values;
                    try {
                        if (!rows.hasNext()) {
                            break;
                        }
                        values = rows.next();
                    } catch (RuntimeException e) {
                        // the parser cannot go on past a broken quote: the file is rejected whole,
                        // in either mode (the COPY is cancelled when the staging closes unended)
                        if (!(e.getCause() instanceof JsonProcessingException bad)) {
                            throw e;
                        }
                        malformed = malformed(row + 1, bad);
                        break;
                    }
                    row++;
                    counts.read++;
                    StagedRow staged = mapper.map(row, values, errors);
                    if (staged != null) {
                        chunk.add(staged);
                    }
                    if (chunk.size() + errors.size() >= config.chunkSize()) {
                        flush(staging, status, job, chunk, errors, counts);
                        int progress = progress(in.count(), job.fileSize());
                        progress(status, job.id(), counts, progress);
                        if (progress / 10 > logged) {
                            logged = progress / 10;
                            LOG.infof(
                                    "import %s: %d%%, %d rows read, %d rejected",
                                    job.id(), progress, counts.read, counts.rejected);
                        }
                    }
                }
                if (malformed == null) {
                    flush(staging, status, job, chunk, errors, counts);
                    staging.end();
                }
            }
            if (malformed != null) {
                progress(connection, job.id(), counts, 100);
                reject(connection, job, List.of(malformed));
                return;
            }
            progress(connection, job.id(), counts, 90);
            LOG.infof(
                    "import %s: 90%%, file read, %d rows read, %d rejected; checking the whole"
                            + " file",
                    job.id(), counts.read, counts.rejected);
        }

        // the staging table is empty between jobs: without fresh statistics the planner would take
        // the staged rows for one row and join them row by row
        update(connection, "analyze import_row");
        String tagColumn = mapper.label(Field.ASSET_TAG);
        String serialColumn = mapper.label(Field.SERIAL);
        // upsert by serial number: a row without a tag is the asset with its serial number
        update(
                connection,
                "update import_row s set asset_tag = a.asset_tag from asset a"
                        + " where s.job_id = ? and s.asset_tag is null"
                        + " and a.serial_number = s.serial_number"
                        + " and coalesce(lower(a.manufacturer), '') ="
                        + " coalesce(lower(s.manufacturer), '')",
                job.id());
        update(
                connection,
                "insert into import_error (job_id, row_number, column_name, reason) select job_id,"
                        + " row_number, ?, 'required: no asset has serial number ' || serial_number"
                        + " from import_row where job_id = ? and asset_tag is null",
                tagColumn,
                job.id());
        // clashes only the whole file shows: repeated asset tags and serial numbers, serials of
        // others
        update(
                connection,
                "insert into import_error (job_id, row_number, column_name, reason)"
                        + " select job_id, row_number, ?, 'asset tag repeats row ' || first_row"
                        + " from (select job_id, row_number, min(row_number) over (partition by"
                        + " asset_tag) as first_row from import_row where job_id = ?"
                        + " and asset_tag is not null) d"
                        + " where row_number > first_row",
                tagColumn,
                job.id());
        update(
                connection,
                "insert into import_error (job_id, row_number, column_name, reason)"
                        + " select job_id, row_number, ?, 'serial number repeats row ' || first_row"
                        + " from (select job_id, row_number, min(row_number) over (partition by"
                        + " coalesce(lower(manufacturer), ''), serial_number) as first_row"
                        + " from import_row where job_id = ? and serial_number is not null) d"
                        + " where row_number > first_row",
                serialColumn,
                job.id());
        update(
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
        long rejected =
                count(
                        connection,
                        "select count(distinct row_number) from import_error where job_id = ?",
                        job.id());
        counts.rejected = rejected;
        progress(connection, job.id(), counts, 92);

        if (job.mode() == Mode.ALL_OR_NOTHING && rejected > 0) {
            LOG.infof(
                    "import %s: rejected, %d of %d rows invalid (all-or-nothing), %s",
                    job.id(), rejected, counts.read, elapsed(counts.read, started));
            finish(connection, job.id(), State.REJECTED, null);
            cleanUp(connection, job);
            return;
        }

        if (job.dryRun()) {
            recordChanges(connection, job);
        }
        // the merge: one transaction for the register, its history, the off-boarding items it
        // settles and the job's outcome
        long valid = count(connection, "select count(*)" + VALID_ROWS, job.id());
        Outcome outcome;
        try {
            outcome =
                    QuarkusTransaction.requiringNew()
                            .timeout(Math.toIntExact(config.mergeTimeout().toSeconds()))
                            .call(() -> merge(job, counts.read, rejected, valid));
        } catch (DryRun dryRun) { // rolled back: the job records what would have happened
            outcome = dryRun.outcome;
            completed(connection, job, counts.read, rejected, valid, outcome, null);
        }
        long created = outcome.created();
        long updated = outcome.updated();
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
        cleanUp(connection, job);
    }

    /**
     * A dry run's preview: each valid row that would create an asset, or change one with each
     * changed field's value now and after — computed as {@link #MERGE} sets it (workflow statuses
     * and an unknown classification kept).
     */
    private static void recordChanges(Connection connection, Job job) throws SQLException {
        update(
                connection,
                "insert into import_change (job_id, row_number, asset_tag, action, changes)"
                        + " select job_id, row_number, asset_tag, action, changes from ("
                        + " select s.job_id, s.row_number, s.asset_tag,"
                        + " case when a.id is null then 'CREATE' else 'UPDATE' end as action,"
                        + " case when a.id is not null then (select"
                        + " coalesce(jsonb_object_agg(f.field, jsonb_strip_nulls("
                        + " jsonb_build_object('from', f.was, 'to', f.will))), '{}')"
                        + " from (values"
                        + " ('name', to_jsonb(a.name), to_jsonb(s.name)),"
                        + " ('category', to_jsonb(lower(a.category)), to_jsonb(lower(s.category))),"
                        + " ('classification', to_jsonb(lower(a.classification)),"
                        + " to_jsonb(lower(coalesce(s.classification, a.classification)))),"
                        + " ('status', to_jsonb(lower(a.status)), to_jsonb(lower(case when a.status"
                        + " in ('LOST', 'STOLEN', 'PENDING_RETURN') then a.status else s.status"
                        + " end))),"
                        + " ('serialNumber', to_jsonb(a.serial_number), to_jsonb(s.serial_number)),"
                        + " ('manufacturer', to_jsonb(a.manufacturer), to_jsonb(s.manufacturer)),"
                        + " ('model', to_jsonb(a.model), to_jsonb(s.model)),"
                        + " ('notes', to_jsonb(a.notes), to_jsonb(s.notes)),"
                        + " ('location', to_jsonb(a.location), to_jsonb(s.location)),"
                        + " ('purchaseDate', to_jsonb(a.purchase_date), to_jsonb(s.purchase_date)),"
                        + " ('warrantyUntil', to_jsonb(a.warranty_until),"
                        + " to_jsonb(s.warranty_until)),"
                        + " ('owner', "
                        + OWNER.replace("x.", "a.")
                        + ", "
                        + OWNER.replace("x.", "s.")
                        + ")) f(field, was, will) where f.was is distinct from f.will) end"
                        + " as changes"
                        + " from import_row s left join asset a on a.asset_tag = s.asset_tag"
                        + " where s.job_id = ? and not exists (select 1 from import_error e"
                        + " where e.job_id = s.job_id and e.row_number = s.row_number)) c"
                        + " where action = 'CREATE' or changes <> '{}'::jsonb",
                job.id());
    }

    /** An owner as the API shows it: {@code {"type": "person"|"group", "id": …}}. */
    private static final String OWNER =
            "case when x.owner_person_id is not null then jsonb_build_object('type', 'person',"
                    + " 'id', x.owner_person_id) when x.owner_group_id is not null then"
                    + " jsonb_build_object('type', 'group', 'id', x.owner_group_id) end";

    /**
     * An index or constraint of the register or its history, with the statements that drop it and
     * build it again.
     */
    private record Rebuilt(String name, String drop, String create) {}

    /** What a migration drops and builds again, and the tables it holds meanwhile. */
    private record Rebuild(List<String> tables, List<String> held, List<Rebuilt> parts) {
        static final Rebuild NONE = new Rebuild(List.of(), List.of(), List.of());

        boolean none() {
            return parts.isEmpty();
        }
    }

    /**
     * The merge next to other users of the register: one {@link #MERGE}, the written assets noted
     * for their history rows (written by {@link #HISTORY} once the revision is numbered).
     */
    private Outcome upsert(Connection connection, Job job, Instant now) throws SQLException {
        update(connection, WRITTEN);
        try (PreparedStatement statement = connection.prepareStatement(MERGE)) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now.plus(cadence)));
            statement.setObject(4, job.id());
            statement.executeUpdate();
        }
        update(connection, "analyze import_written");
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                "select count(*) filter (where revtype = 0), count(*) filter"
                                        + " (where revtype = 1) from import_written")) {
            rs.next();
            return new Outcome(rs.getLong(1), rs.getLong(2));
        }
    }

    /** The import's history revision, by the caller who uploaded the file. */
    private long revision(Connection connection, Job job) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "insert into revinfo (at, actor) values (?, ?) returning rev")) {
            statement.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            statement.setString(2, job.startedBy());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {@link #PREVIOUS_OWNERS}: the ids of the people. */
    private static List<UUID> previousOwners(Connection connection, Job job) throws SQLException {
        List<UUID> people = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PREVIOUS_OWNERS)) {
            statement.setObject(1, job.id());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    people.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return people;
    }

    /** Locks these people's rows (shared, in the order of their ids) until the commit. */
    private static void lockPeople(Connection connection, List<UUID> people) throws SQLException {
        if (people.isEmpty()) {
            return;
        }
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "select id from person where id = any(?) order by id for share")) {
            statement.setArray(1, connection.createArrayOf("uuid", people.toArray()));
            statement.executeQuery().close();
        }
    }

    /**
     * The merge while the import holds the register: {@link #UPDATE_KNOWN}, {@link #INSERT_NEW}.
     */
    private Outcome updateThenInsert(Connection connection, Job job, Instant now, long revision)
            throws SQLException {
        long updated;
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_KNOWN)) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setObject(2, job.id());
            statement.setLong(3, revision);
            updated = statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_NEW)) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now.plus(cadence)));
            statement.setObject(4, job.id());
            statement.setLong(5, revision);
            return new Outcome(statement.executeUpdate(), updated);
        }
    }

    /** How many rows the merge created and updated. */
    private record Outcome(long created, long updated) {}

    /** Ends a dry run's merge transaction with a rollback, carrying what it would have done. */
    private static final class DryRun extends RuntimeException {
        private final transient Outcome outcome;

        DryRun(Outcome outcome) {
            super("dry run", null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * Runs inside the merge's transaction (the connection is enlisted in it, as is the ORM session
     * the off-boarding observers use): the upsert, the previous owners locked ({@link
     * #PREVIOUS_OWNERS}), one history revision numbered after that and the history rows, then the
     * owner changes that settle pending ownership transfers of leavers. A dry run is rolled back.
     */
    private Outcome merge(Job job, long read, long rejected, long valid) throws SQLException {
        Instant now = Instant.now(clock);
        try (Connection connection = dataSource.getConnection()) {
            Rebuild rebuild = toRebuild(connection, job, valid);
            if (!rebuild.none() && !dropped(connection, job, rebuild)) {
                rebuild = Rebuild.NONE;
            }
            List<UUID> previousOwners = job.dryRun() ? List.of() : previousOwners(connection, job);
            long merging = System.nanoTime();
            long revision;
            Outcome outcome;
            if (rebuild.none()) {
                outcome = upsert(connection, job, now);
                lockPeople(connection, previousOwners);
                revision = revision(connection, job);
                update(connection, HISTORY, revision);
            } else { // nobody else writes while the import holds the register
                lockPeople(connection, previousOwners);
                revision = revision(connection, job);
                outcome = updateThenInsert(connection, job, now, revision);
            }
            LOG.infof(
                    "import %s: merged in %d ms, %d created, %d updated",
                    job.id(),
                    (System.nanoTime() - merging) / 1_000_000,
                    outcome.created(),
                    outcome.updated());
            if (job.dryRun()) {
                throw new DryRun(outcome); // rolls the transaction back
            }
            if (!rebuild.none()) {
                long started = System.nanoTime();
                try (PreparedStatement statement =
                        connection.prepareStatement(
                                "select set_config('maintenance_work_mem', ?, true)")) {
                    statement.setString(1, config.indexBuildMemory());
                    statement.executeQuery().close();
                }
                for (Rebuilt part : rebuild.parts()) {
                    update(connection, part.create());
                }
                LOG.infof(
                        "import %s: %d indexes and constraints of %s rebuilt in %d ms",
                        job.id(),
                        rebuild.parts().size(),
                        String.join(", ", rebuild.tables()),
                        (System.nanoTime() - started) / 1_000_000);
            }
            settleOwnershipTransfers(connection, job, revision);
            completed(connection, job, read, rejected, valid, outcome, revision);
            return outcome;
        }
    }

    /**
     * A large import into a small register (a migration) writes faster when the register's indexes
     * are built once afterwards than when each row is added to each of them, and when its foreign
     * keys are checked once, by one join, than row by row. Every index of {@code asset} but the
     * primary key (which other tables' foreign keys use) and its foreign keys are then dropped
     * before the merge and created again from their own definitions in the same transaction, so a
     * failure or a crash leaves them as they were, and a re-added foreign key or unique constraint
     * that the merged rows break fails the import whole. The history ({@code asset_aud}) is treated
     * the same way when the import at least doubles it too. The transaction holds these tables, and
     * the tables their foreign keys name, exclusively meanwhile, which is why this happens only
     * when the import at least doubles the register. None = row by row.
     */
    private Rebuild toRebuild(Connection connection, Job job, long valid) throws SQLException {
        if (job.dryRun()
                || valid < config.rebuildIndexesFrom()
                || count(connection, "select count(*) from asset") > valid) {
            return Rebuild.NONE;
        }
        List<String> tables = new ArrayList<>(List.of("asset"));
        if (count(connection, "select count(*) from asset_aud") <= valid) {
            tables.add("asset_aud");
        }
        List<Rebuilt> parts = new ArrayList<>();
        Set<String> locked = new LinkedHashSet<>(tables);
        try (PreparedStatement statement =
                connection.prepareStatement(
                        // indexes, the unique and primary-key constraints they back, then foreign
                        // keys: all that belongs to the tables and to the importing user — except
                        // indexes a foreign key uses (asset's primary key) and those of other kinds
                        // of constraints
                        "select name, drop_sql, create_sql, referenced from (select format('%I.%I',"
                            + " n.nspname, c.relname) as name, case when k.oid is null then"
                            + " format('drop index %I.%I', n.nspname, c.relname) else format('alter"
                            + " table %s drop constraint %I', x.indrelid::regclass, k.conname) end"
                            + " as drop_sql, case when k.oid is null then pg_get_indexdef(c.oid)"
                            + " else format('alter table %s add constraint %I %s',"
                            + " x.indrelid::regclass, k.conname, pg_get_constraintdef(k.oid)) end"
                            + " as create_sql, null as referenced, 1 as step from pg_index x join"
                            + " pg_class c on c.oid = x.indexrelid join pg_namespace n on n.oid ="
                            + " c.relnamespace left join pg_constraint k on k.conindid ="
                            + " x.indexrelid and k.conrelid = x.indrelid and k.contype in ('u',"
                            + " 'p') where x.indrelid = any(?::regclass[]) and"
                            + " pg_has_role(current_user, c.relowner, 'USAGE') and not exists"
                            + " (select 1 from pg_constraint o where o.conindid = x.indexrelid and"
                            + " o.contype not in ('u', 'p')) union all select format('%s.%I',"
                            + " f.conrelid::regclass, f.conname), format('alter table %s drop"
                            + " constraint %I', f.conrelid::regclass, f.conname), format('alter"
                            + " table %s add constraint %I %s', f.conrelid::regclass, f.conname,"
                            + " pg_get_constraintdef(f.oid)), f.confrelid::regclass::text, 2 from"
                            + " pg_constraint f join pg_class t on t.oid = f.conrelid where"
                            + " f.contype = 'f' and f.conrelid = any(?::regclass[]) and"
                            + " pg_has_role(current_user, t.relowner, 'USAGE') and"
                            + " has_table_privilege(f.confrelid, 'REFERENCES')) r order by step,"
                            + " name")) {
            Array names = connection.createArrayOf("text", tables.toArray());
            statement.setArray(1, names);
            statement.setArray(2, names);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    parts.add(new Rebuilt(rs.getString(1), rs.getString(2), rs.getString(3)));
                    if (rs.getString(4) != null) {
                        locked.add(rs.getString(4));
                    }
                }
            }
        }
        return parts.isEmpty()
                ? Rebuild.NONE
                : new Rebuild(List.copyOf(tables), List.copyOf(locked), parts);
    }

    /**
     * Takes the register (and the other tables of the rebuild) and drops what the rebuild builds
     * again, waiting at most {@code custodian.imports.lock-wait} for their current users (a long
     * export, say, or a transaction that waits for the register in turn); if they do not finish in
     * time, nothing is dropped and the merge goes row by row, next to them.
     */
    private boolean dropped(Connection connection, Job job, Rebuild rebuild) throws SQLException {
        // SQL savepoints: the connection is enlisted in the transaction, whose end JDBC may not
        // touch
        try (Statement statement = connection.createStatement()) {
            statement.execute("savepoint register_lock");
            try {
                statement.execute(
                        "set local lock_timeout = " + Math.max(1, config.lockWait().toMillis()));
                for (String table : rebuild.held()) { // the register first, as everybody does
                    statement.execute("lock table " + table + " in access exclusive mode");
                }
                for (Rebuilt part : rebuild.parts()) {
                    statement.execute(part.drop());
                }
                statement.execute("set local lock_timeout to default");
                statement.execute("release savepoint register_lock");
                LOG.infof(
                        "import %s: holding %s until the commit; %d indexes and constraints"
                                + " dropped, to be built again after the merge",
                        job.id(), String.join(", ", rebuild.held()), rebuild.parts().size());
                return true;
            } catch (SQLException e) {
                // lock_not_available, deadlock_detected, insufficient_privilege (a table the
                // importing user may read and reference but not lock)
                if (!Set.of("55P03", "40P01", "42501").contains(e.getSQLState())) {
                    throw e;
                }
                statement.execute("rollback to savepoint register_lock");
                LOG.infof(
                        "import %s: could not take %s (%s); merging row by row instead of"
                                + " rebuilding indexes",
                        job.id(), String.join(", ", rebuild.held()), e.getMessage());
                return false;
            }
        }
    }

    /**
     * An import that gives a leaver's asset another owner closes the pending ownership-transfer
     * item, exactly as an owner change through the API does ({@link OwnerChanged}).
     */
    private void settleOwnershipTransfers(Connection connection, Job job, long revision)
            throws SQLException {
        List<OwnerChanged> changes = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "select distinct a.id, a.owner_person_id, a.owner_group_id from"
                            + " offboarding_item i join asset a on a.id = i.asset_id join asset_aud"
                            + " h on h.id = a.id and h.rev = ? and h.revtype = 1 where i.kind ="
                            + " 'OWNERSHIP_TRANSFER' and i.status = 'PENDING'")) {
            statement.setLong(1, revision);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID person = rs.getObject(2, UUID.class);
                    changes.add(
                            new OwnerChanged(
                                    rs.getObject(1, UUID.class),
                                    person != null ? Party.Type.PERSON : Party.Type.GROUP,
                                    person != null ? person : rs.getObject(3, UUID.class),
                                    job.startedBy()));
                }
            }
        }
        changes.forEach(ownerChanged::fire);
        if (!changes.isEmpty()) {
            LOG.infof("import %s: %d assets of leavers changed owner", job.id(), changes.size());
        }
    }

    private void completed(
            Connection connection,
            Job job,
            long read,
            long rejected,
            long valid,
            Outcome outcome,
            Long revision)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "update import_job set state = 'COMPLETED', progress = 100,"
                                + " rows_read = ?, rows_rejected = ?, rows_created = ?,"
                                + " rows_updated = ?, rows_unchanged = ?, revision = ?,"
                                + " finished_at = ? where id = ?")) {
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
            statement.setObject(8, job.id());
            statement.executeUpdate();
        }
    }

    /**
     * The staging table's COPY, open while the file is read: each chunk's valid rows are written to
     * it as CSV, and PostgreSQL stores them while the next chunk is parsed. Closed without {@link
     * #end} (a failure), it is cancelled and nothing of it is kept.
     */
    private static final class Staging implements AutoCloseable {
        private final CopyIn copy;
        private final String jobId;

        Staging(Connection connection, Job job) throws SQLException {
            this.copy =
                    connection
                            .unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "copy import_row (job_id, row_number, asset_id, asset_tag,"
                                            + " name, category, classification, status,"
                                            + " serial_number, manufacturer, model, notes,"
                                            + " location, purchase_date, warranty_until,"
                                            + " owner_person_id, owner_group_id) from stdin"
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
                            r.ownerGroupId()
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

    /** Writes the chunk's valid rows to the staging COPY and its errors into import_error. */
    private void flush(
            Staging staging,
            Connection status,
            Job job,
            List<StagedRow> chunk,
            List<RowError> errors,
            Counts counts)
            throws SQLException {
        if (!chunk.isEmpty()) {
            staging.write(chunk);
            chunk.clear();
        }
        if (!errors.isEmpty()) {
            insertErrors(status, job.id(), errors);
            Set<Long> rows = new HashSet<>();
            errors.forEach(e -> rows.add(e.row()));
            counts.rejected += rows.size();
            errors.clear();
        }
    }

    private static void insertErrors(Connection connection, UUID job, List<RowError> errors)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "insert into import_error (job_id, row_number, column_name, reason)"
                                + " values (?, ?, ?, ?)")) {
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

    /** Where and how the file stops being CSV, as the error of the row that starts there. */
    private static RowError malformed(long row, JsonProcessingException problem) {
        JsonLocation at = problem.getLocation();
        return new RowError(
                row,
                "file",
                "not valid CSV from here on: "
                        + problem.getOriginalMessage()
                        + (at == null || at.getLineNr() < 1
                                ? ""
                                : " (line " + at.getLineNr() + " of the file)"));
    }

    /**
     * The file cannot be imported at all (header, broken CSV): the errors, the job rejected and
     * nothing staged.
     */
    private void reject(Connection connection, Job job, List<RowError> errors) throws SQLException {
        insertErrors(connection, job.id(), errors);
        LOG.infof("import %s: rejected, %s", job.id(), errors.get(0).reason());
        finish(connection, job.id(), State.REJECTED, null);
        cleanUp(connection, job);
    }

    private void progress(Connection connection, UUID id, Counts counts, int progress)
            throws SQLException {
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

    private static int progress(long bytesRead, long size) {
        return size <= 0 ? 0 : (int) Math.min(89, bytesRead * 90 / size);
    }

    private void finish(Connection connection, UUID id, State state, String failure)
            throws SQLException {
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
    private void cleanUp(Connection connection, Job job) {
        try {
            update(connection, "delete from import_row where job_id = ?", job.id());
            Files.deleteIfExists(job.file());
        } catch (SQLException | IOException e) {
            LOG.warnf(e, "import %s: could not clean up", job.id());
        }
    }

    private static Job load(Connection connection, UUID id) throws SQLException {
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

    static void update(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long count(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {@code 12.3 s, 81234 rows/s}: how long the job took since {@code started}, and its rate. */
    static String elapsed(long rows, long started) {
        long nanos = Math.max(1, System.nanoTime() - started);
        return String.format(
                Locale.ROOT, "%.1f s, %d rows/s", nanos / 1e9, Math.round(rows / (nanos / 1e9)));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** Counts the bytes read, for progress by position in the file. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
