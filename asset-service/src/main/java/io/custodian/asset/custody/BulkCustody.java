package io.custodian.asset.custody;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Custody written in bulk over JDBC, for an import that migrates who holds what (a Snipe-IT
 * assignee): one set-based statement per step on the caller's connection, in its transaction.
 * Migrated custody names the import as its actor instead of an acceptable-use acknowledgement,
 * which the person gave (or not) in the system the assets come from; every other hand-over still
 * goes through {@code Custodies.checkOut} and needs one.
 */
@ApplicationScoped
public class BulkCustody {

    /**
     * The custody of the assets in {@code holders} — a query with the columns {@code asset_id} and
     * {@code person_id} (the asset's holder now), parameters {@code parameters} — as the register
     * says: an open custody of someone else is closed (checked in by {@code actor}), and one is
     * opened for the holder unless they have it already, by {@code actor} for the import {@code
     * job}, with {@code note}. How many were opened.
     */
    public long migrate(
            Connection connection,
            String holders,
            List<?> parameters,
            UUID job,
            String actor,
            String note,
            Instant now)
            throws SQLException {
        List<Object> closing = new ArrayList<>(parameters);
        closing.add(Timestamp.from(now));
        closing.add(actor);
        execute(
                connection,
                "with r as ("
                        + holders
                        + ") update custody c set checked_in_at = ?, checked_in_by = ?"
                        + " from r where c.asset_id = r.asset_id and c.checked_in_at is null"
                        + " and c.person_id <> r.person_id",
                closing);
        List<Object> opening = new ArrayList<>(parameters);
        opening.add(Timestamp.from(now));
        opening.add(actor);
        opening.add(note);
        opening.add(job);
        return execute(
                connection,
                "with r as ("
                        + holders
                        + ") insert into custody (id, asset_id, person_id, acknowledgement_id,"
                        + " checked_out_at, checked_out_by, checkout_note, import_job_id)"
                        + " select gen_random_uuid(), r.asset_id, r.person_id, null, ?, ?, ?, ?"
                        + " from r where not exists (select 1 from custody c"
                        + " where c.asset_id = r.asset_id and c.checked_in_at is null)",
                opening);
    }

    private static int execute(Connection connection, String sql, List<?> parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement.executeUpdate();
        }
    }
}
