package io.custodian.asset.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The register ({@code asset}) written in bulk over JDBC, one set-based statement per method, from
 * rows staged elsewhere (an import's {@code COPY}): far faster than entity by entity for a large
 * file. What an update keeps: the classification when the rows have none, a status owned by a
 * workflow here (lost, stolen, pending return) and the holder of such an asset, the holder when the
 * rows name none (the custody records of a holder set here are the caller's to write, through
 * custody's bulk writer), and posture; rows that change nothing are not written at all. Each
 * statement runs on the caller's connection, in its transaction, and ends with the caller's own
 * statement over the rows it wrote (their history, or a note of them), so the two cannot part.
 */
@ApplicationScoped
public class BulkRegister {

    /**
     * The rows to write: {@code from} a single FROM item aliased {@code s} with the columns {@code
     * asset_id} (the id a new asset gets), {@code asset_tag}, {@code name}, {@code category},
     * {@code original_category}, {@code classification} (null = keep, or confidential for a new
     * asset), {@code status}, {@code serial_number}, {@code manufacturer}, {@code model}, {@code
     * notes}, {@code location}, {@code purchase_date}, {@code warranty_until}, {@code
     * owner_person_id}, {@code owner_group_id}, {@code holder_person_id} (null = keep); the rows of
     * it {@code where} selects (a condition on {@code s} without a top-level {@code or}); the
     * values of its parameters, in order.
     */
    public record Staged(String from, String where, List<?> parameters) {}

    /**
     * The status an update by {@link #upsert} leaves, decided on the row as it is when the
     * statement writes it ({@code a}), not as its snapshot saw it: a loss reported, or a return
     * begun, while it waited for that row is kept too.
     */
    private static final String KEPT_STATUS =
            "case when a.status in ('LOST', 'STOLEN', 'PENDING_RETURN') then a.status"
                    + " else excluded.status end";

    /**
     * The holder an update by {@link #upsert} leaves: the asset's own when the row names none, or
     * while a workflow owns its status (as {@link #KEPT_STATUS}).
     */
    private static final String KEPT_HOLDER =
            "case when a.status in ('LOST', 'STOLEN', 'PENDING_RETURN') then a.holder_id"
                    + " else coalesce(excluded.holder_id, a.holder_id) end";

    private final InventoryConfig config;

    BulkRegister(InventoryConfig config) {
        this.config = config;
    }

    /**
     * Next to the register's other writers: one {@code INSERT … ON CONFLICT (asset_tag) DO UPDATE …
     * WHERE <something differs>}, whose written rows {@code up (id, inserted)} the statement {@code
     * then} reads (no parameters).
     */
    public void upsert(Connection connection, Staged staged, Instant now, String then)
            throws SQLException {
        execute(
                connection,
                "with up as ( insert into asset as a (id, asset_tag, name, category,"
                    + " original_category, classification, status, serial_number, manufacturer,"
                    + " model, notes, location, purchase_date, warranty_until, owner_person_id,"
                    + " owner_group_id, holder_id, created_at, updated_at, version,"
                    + " next_verification_due) select s.asset_id, s.asset_tag, s.name, s.category,"
                    + " s.original_category, coalesce(s.classification, x.classification,"
                    + " 'CONFIDENTIAL'), case when x.status in ('LOST', 'STOLEN', 'PENDING_RETURN')"
                    + " then x.status else s.status end, s.serial_number, s.manufacturer, s.model,"
                    + " s.notes, s.location, s.purchase_date, s.warranty_until, s.owner_person_id,"
                    + " s.owner_group_id, s.holder_person_id, ?, ?, 0, ? from "
                        + staged.from()
                        + " left join asset x on x.asset_tag = s.asset_tag"
                        + " where ("
                        + staged.where()
                        + ") on conflict (asset_tag) do update set name = excluded.name,"
                        + " category = excluded.category,"
                        + " original_category = excluded.original_category,"
                        + " classification = excluded.classification, status = "
                        + KEPT_STATUS
                        + ", serial_number = excluded.serial_number,"
                        + " manufacturer = excluded.manufacturer, model = excluded.model,"
                        + " notes = excluded.notes, location = excluded.location,"
                        + " purchase_date = excluded.purchase_date,"
                        + " warranty_until = excluded.warranty_until,"
                        + " owner_person_id = excluded.owner_person_id,"
                        + " owner_group_id = excluded.owner_group_id, holder_id = "
                        + KEPT_HOLDER
                        + ", updated_at = excluded.updated_at, version = a.version + 1"
                        + " where (a.name, a.category, a.original_category, a.classification,"
                        + " a.status, a.serial_number, a.manufacturer, a.model, a.notes,"
                        + " a.location, a.purchase_date, a.warranty_until, a.owner_person_id,"
                        + " a.owner_group_id, a.holder_id) is distinct from (excluded.name,"
                        + " excluded.category, excluded.original_category,"
                        + " excluded.classification, "
                        + KEPT_STATUS
                        + ", excluded.serial_number,"
                        + " excluded.manufacturer, excluded.model, excluded.notes,"
                        + " excluded.location, excluded.purchase_date, excluded.warranty_until,"
                        + " excluded.owner_person_id, excluded.owner_group_id, "
                        + KEPT_HOLDER
                        + ")"
                        + " returning a.id, (xmax = 0) as inserted) "
                        + then,
                withTimes(now, true, staged, List.of()));
    }

    /**
     * While the caller holds the register: the known tags updated (the same outcome as {@link
     * #upsert} for them), without {@code ON CONFLICT}; the statement {@code then} reads the whole
     * updated rows as {@code up}. How many were updated.
     */
    public long updateKnown(
            Connection connection, Staged staged, Instant now, String then, Object... parameters)
            throws SQLException {
        return execute(
                connection,
                "with up as (update asset a set name = s.name, category = s.category,"
                        + " original_category = s.original_category,"
                        + " classification = coalesce(s.classification, a.classification),"
                        + " status = case when a.status in ('LOST', 'STOLEN', 'PENDING_RETURN')"
                        + " then a.status else s.status end, serial_number = s.serial_number,"
                        + " manufacturer = s.manufacturer, model = s.model, notes = s.notes,"
                        + " location = s.location, purchase_date = s.purchase_date,"
                        + " warranty_until = s.warranty_until,"
                        + " owner_person_id = s.owner_person_id,"
                        + " owner_group_id = s.owner_group_id, holder_id = "
                        + KEPT_HOLDER.replace("excluded.holder_id", "s.holder_person_id")
                        + ", updated_at = ?,"
                        + " version = a.version + 1 from "
                        + staged.from()
                        + " where ("
                        + staged.where()
                        + ") and s.asset_tag = a.asset_tag"
                        + " and (a.name, a.category, a.original_category, a.classification,"
                        + " a.status, a.serial_number, a.manufacturer, a.model, a.notes,"
                        + " a.location, a.purchase_date, a.warranty_until, a.owner_person_id,"
                        + " a.owner_group_id, a.holder_id)"
                        + " is distinct from (s.name, s.category, s.original_category,"
                        + " coalesce(s.classification, a.classification), case when a.status in"
                        + " ('LOST', 'STOLEN', 'PENDING_RETURN') then a.status else s.status end,"
                        + " s.serial_number, s.manufacturer, s.model, s.notes, s.location,"
                        + " s.purchase_date, s.warranty_until, s.owner_person_id,"
                        + " s.owner_group_id, "
                        + KEPT_HOLDER.replace("excluded.holder_id", "s.holder_person_id")
                        + ")"
                        + " returning a.*) "
                        + then,
                withTimes(now, false, staged, List.of(parameters)));
    }

    /**
     * While the caller holds the register: the new tags inserted (as {@link #upsert} would); the
     * statement {@code then} reads the whole inserted rows as {@code ins}. How many were inserted.
     */
    public long insertNew(
            Connection connection, Staged staged, Instant now, String then, Object... parameters)
            throws SQLException {
        return execute(
                connection,
                "with ins as (insert into asset (id, asset_tag, name, category,"
                        + " original_category, classification, status, serial_number,"
                        + " manufacturer, model, notes, location, purchase_date, warranty_until,"
                        + " owner_person_id, owner_group_id, holder_id, created_at, updated_at,"
                        + " version, next_verification_due)"
                        + " select s.asset_id, s.asset_tag, s.name, s.category,"
                        + " s.original_category, coalesce(s.classification, 'CONFIDENTIAL'),"
                        + " s.status, s.serial_number, s.manufacturer, s.model, s.notes,"
                        + " s.location, s.purchase_date, s.warranty_until, s.owner_person_id,"
                        + " s.owner_group_id, s.holder_person_id, ?, ?, 0, ?"
                        + " from "
                        + staged.from()
                        + " where ("
                        + staged.where()
                        + ") and not exists (select 1 from asset x where x.asset_tag ="
                        + " s.asset_tag) returning *) "
                        + then,
                withTimes(now, true, staged, List.of(parameters)));
    }

    /**
     * The people who own assets of these tags that the rows give another owner (or a group), as the
     * register is now.
     */
    public List<UUID> previousOwners(Connection connection, Staged staged) throws SQLException {
        List<UUID> people = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "select distinct a.owner_person_id from "
                                + staged.from()
                                + " join asset a on a.asset_tag = s.asset_tag where ("
                                + staged.where()
                                + ") and a.owner_person_id is not null"
                                + " and a.owner_person_id is distinct from s.owner_person_id")) {
            bind(statement, staged.parameters());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    people.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return people;
    }

    /** How many assets the register has. */
    public long size(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from asset")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The parameters of a write: {@code updated_at} (for a new asset also {@code created_at} and
     * {@code next_verification_due}, a verification cadence after it), then the staged rows' and
     * the caller's statement's own.
     */
    private List<Object> withTimes(Instant now, boolean created, Staged staged, List<?> then) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(Timestamp.from(now));
        if (created) {
            parameters.add(Timestamp.from(now));
            parameters.add(Timestamp.from(now.plus(config.cadence())));
        }
        parameters.addAll(staged.parameters());
        parameters.addAll(then);
        return parameters;
    }

    private static int execute(Connection connection, String sql, List<?> parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
