package io.custodian.asset.imports;

import io.custodian.asset.custody.BulkCustody;
import io.custodian.asset.history.BulkHistory;
import io.custodian.asset.imports.ImportJobs.Job;
import io.custodian.asset.inventory.BulkRegister;
import io.custodian.asset.inventory.OwnerChanged;
import io.custodian.asset.offboarding.PendingTransfers;
import io.custodian.asset.ownership.BulkParties;
import io.custodian.asset.ownership.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The merge of a job's valid staged rows into the register, in the caller's transaction: the
 * register's bulk writes, the lock on the people whose assets change owner, the import's history
 * revision and rows, and the ownership transfers of leavers it settles; also a dry run's preview.
 */
@ApplicationScoped
class Merge {

    // every step logs as the runner: one category follows a job from start to end
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    /**
     * The assets {@link BulkRegister#upsert} wrote, created (0) or updated (1), until the commit:
     * their rows stay locked by the merge, so they are read back as written.
     */
    private static final String WRITTEN =
            "create temporary table import_written (id uuid not null, revtype smallint not null)"
                    + " on commit drop";

    /** What ends {@link BulkRegister#upsert}: the written assets noted in {@link #WRITTEN}. */
    private static final String NOTE_WRITTEN =
            "insert into import_written (id, revtype)"
                    + " select id, case when inserted then 0 else 1 end from up";

    /** An owner as the API shows it: {@code {"type": "person"|"group", "id": …}}. */
    private static final String OWNER =
            "case when x.owner_person_id is not null then jsonb_build_object('type', 'person',"
                    + " 'id', x.owner_person_id) when x.owner_group_id is not null then"
                    + " jsonb_build_object('type', 'group', 'id', x.owner_group_id) end";

    /** A holder as the API shows it: {@code {"type": "person", "id": …}}. */
    private static final String HOLDER =
            "case when x.holder_id is not null then jsonb_build_object('type', 'person', 'id',"
                    + " x.holder_id) end";

    /** How many rows the merge created and updated, and how many holders it set. */
    record Outcome(long created, long updated, long holders) {}

    /**
     * What an import's custody records say instead of an acceptable-use acknowledgement (and what
     * its job's report says).
     */
    static final String MIGRATED_CUSTODY =
            "migrated by an import: no acceptable-use acknowledgement was asked for it";

    /**
     * The assets of the job's valid rows that name a holder, with that holder as the register has
     * it after the merge (a workflow may have kept another): custody's bulk writer's input. Its
     * parameter: the job.
     */
    private static final String HOLDERS =
            "select a.id as asset_id, a.holder_id as person_id from import_row s join asset a"
                    + " on a.asset_tag = s.asset_tag where s.holder_person_id is not null"
                    + " and a.holder_id = s.holder_person_id and "
                    + Staging.VALID;

    /** What the merge wrote, and the history revision it wrote it in. */
    record Merged(Outcome outcome, long revision) {}

    private final BulkRegister register;
    private final BulkHistory history;
    private final BulkParties parties;
    private final BulkCustody custody;
    private final Event<OwnerChanged> ownerChanged;

    Merge(
            BulkRegister register,
            BulkHistory history,
            BulkParties parties,
            BulkCustody custody,
            Event<OwnerChanged> ownerChanged) {
        this.register = register;
        this.history = history;
        this.parties = parties;
        this.custody = custody;
        this.ownerChanged = ownerChanged;
    }

    /**
     * The merge, its history and the person locks. The people whose assets the import hands to
     * another owner are read before the merge and locked after it ({@link BulkParties#lockShared})
     * until the commit. An off-boarding locks its person before it reads what they hold and own
     * ({@code Offboardings.start}): one that starts before the lock makes the import wait for its
     * items, which the merge then settles ({@link #settleOwnershipTransfers}); one that starts
     * after it waits for the import's commit and then finds the new owners. Without this, an
     * off-boarding could read the assets before the import's commit and write its items after the
     * import had looked for them: a pending ownership transfer of an asset the leaver no longer
     * owns. Locked after the merge, not before: a check-in that completes an off-boarding holds the
     * asset, then wants its person. The import's revision is numbered after the register is
     * written, so after every writer the merge had to wait for (a create of the same tag through
     * the API, say): the history shows their change before the import's.
     *
     * <p>{@code holders}: some staged rows name a holder, whose custody records are written after
     * the register ({@link BulkCustody#migrate}): one opened for each asset the import gave a
     * holder, by the import, without an acceptable-use acknowledgement.
     *
     * <p>{@code holding}: the import holds the register (a migration, see {@link IndexRebuild}):
     * nobody else writes meanwhile, so the people are locked and the revision numbered first, and
     * the merge is an update of the known tags and an insert of the new ones, each writing its
     * history rows in the same statement — no {@code ON CONFLICT}, so the unique indexes can be
     * built after it like the others. The whole-file checks have ruled out clashes, and the rebuilt
     * unique indexes would refuse any that slipped through (the import would then fail whole).
     */
    Merged merge(Connection connection, Job job, Instant now, boolean holding, boolean holders)
            throws SQLException {
        BulkRegister.Staged rows = Staging.valid(job);
        List<UUID> previousOwners =
                job.dryRun() ? List.of() : register.previousOwners(connection, rows);
        long merging = System.nanoTime();
        long revision;
        Outcome outcome;
        if (!holding) {
            outcome = upsert(connection, rows, now);
            parties.lockShared(connection, previousOwners);
            revision = history.revision(connection, job.startedBy());
            history.recordWritten(connection, "import_written", revision);
        } else { // nobody else writes while the import holds the register
            parties.lockShared(connection, previousOwners);
            revision = history.revision(connection, job.startedBy());
            long updated =
                    register.updateKnown(
                            connection,
                            rows,
                            now,
                            history.recordReturned("up", BulkHistory.UPDATED),
                            revision);
            long created =
                    register.insertNew(
                            connection,
                            rows,
                            now,
                            history.recordReturned("ins", BulkHistory.CREATED),
                            revision);
            outcome = new Outcome(created, updated, 0);
        }
        if (holders) {
            outcome =
                    new Outcome(
                            outcome.created(),
                            outcome.updated(),
                            custody.migrate(
                                    connection,
                                    HOLDERS,
                                    List.of(job.id()),
                                    job.id(),
                                    job.startedBy(),
                                    MIGRATED_CUSTODY,
                                    now));
        }
        LOG.infof(
                "import %s: merged in %d ms, %d created, %d updated",
                job.id(),
                (System.nanoTime() - merging) / 1_000_000,
                outcome.created(),
                outcome.updated());
        return new Merged(outcome, revision);
    }

    /**
     * The merge next to other users of the register: one {@link BulkRegister#upsert}, the written
     * assets noted for their history rows (written once the revision is numbered).
     */
    private Outcome upsert(Connection connection, BulkRegister.Staged rows, Instant now)
            throws SQLException {
        Sql.update(connection, WRITTEN);
        register.upsert(connection, rows, now, NOTE_WRITTEN);
        Sql.update(connection, "analyze import_written");
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                "select count(*) filter (where revtype = 0), count(*) filter"
                                        + " (where revtype = 1) from import_written")) {
            rs.next();
            return new Outcome(rs.getLong(1), rs.getLong(2), 0);
        }
    }

    /**
     * An import that gives a leaver's asset another owner closes the pending ownership-transfer
     * item, exactly as an owner change through the API does ({@link OwnerChanged}).
     */
    void settleOwnershipTransfers(Connection connection, Job job, long revision)
            throws SQLException {
        List<OwnerChanged> changes = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "select a.id, a.owner_person_id, a.owner_group_id from asset a join"
                                + " asset_aud h on h.id = a.id and h.rev = ? and h.revtype = 1"
                                + " where a.id in ("
                                + PendingTransfers.ASSET_IDS
                                + ")")) {
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

    /**
     * A dry run's preview: each valid row that would create an asset, or change one with each
     * changed field's value now and after — computed as {@link BulkRegister#upsert} sets it
     * (workflow statuses and an unknown classification kept). Reads the register, writes only the
     * job's own {@code import_change}.
     */
    static void recordChanges(Connection connection, Job job) throws SQLException {
        Sql.update(
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
                        + " ('originalCategory', to_jsonb(a.original_category),"
                        + " to_jsonb(s.original_category)),"
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
                        + "), ('holder', "
                        + HOLDER.replace("x.", "a.")
                        + ", "
                        + HOLDER.replace(
                                "x.holder_id",
                                "case when a.status in ('LOST', 'STOLEN', 'PENDING_RETURN')"
                                        + " then a.holder_id else coalesce(s.holder_person_id,"
                                        + " a.holder_id) end")
                        + ")) f(field, was, will) where f.was is distinct from f.will) end"
                        + " as changes"
                        + " from import_row s left join asset a on a.asset_tag = s.asset_tag"
                        + " where s.job_id = ? and not exists (select 1 from import_error e"
                        + " where e.job_id = s.job_id and e.row_number = s.row_number)) c"
                        + " where action = 'CREATE' or changes <> '{}'::jsonb",
                job.id());
    }
}
