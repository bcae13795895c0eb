package io.custodian.asset.history;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * The register's history ({@code revinfo}, {@code asset_aud}) written in bulk over JDBC, for
 * set-based writers of the register that Envers does not see (an import): a revision, then one
 * history row per asset written, with all its values, as Envers would write it.
 */
@ApplicationScoped
public class BulkHistory {

    /** {@code revtype} of a history row: the asset was created. */
    public static final int CREATED = 0;

    /** {@code revtype} of a history row: the asset was changed. */
    public static final int UPDATED = 1;

    /** The columns every history row of an asset carries (asset_aud), as in asset. */
    private static final String AUDITED =
            "asset_tag, name, category, original_category, classification, status,"
                    + " serial_number, manufacturer,"
                    + " model, notes, location, purchase_date, warranty_until, disk_encrypted,"
                    + " mdm_enrolled, screen_lock, last_verified_at, next_verification_due,"
                    + " verification_reminded_for, owner_person_id, owner_group_id, holder_id,"
                    + " created_at, updated_at";

    private final Clock clock;

    BulkHistory(Clock clock) {
        this.clock = clock;
    }

    /**
     * A new revision by {@code actor}, at the clock's now, numbered now: after every change the
     * caller's transaction waited for before this call.
     */
    public long revision(Connection connection, String actor) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "insert into revinfo (at, actor) values (?, ?) returning rev")) {
            statement.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            statement.setString(2, actor);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The history rows, in {@code revision}, of the assets listed in the table {@code written}
     * (columns {@code id} and {@code revtype}: {@link #CREATED} or {@link #UPDATED}), with their
     * values as they are now.
     */
    public void recordWritten(Connection connection, String written, long revision)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "insert into asset_aud (id, rev, revtype, "
                                + AUDITED
                                + ") select a.id, ?, w.revtype, "
                                + AUDITED
                                + " from "
                                + written
                                + " w join asset a on a.id = w.id")) {
            statement.setLong(1, revision);
            statement.executeUpdate();
        }
    }

    /**
     * The statement that ends a data-modifying {@code WITH} whose query {@code rows} returns whole
     * rows of {@code asset}: their history rows, all with this {@code revtype}, in the revision
     * given as its one parameter. One statement with the write, so the history cannot miss a row.
     */
    public String recordReturned(String rows, int revtype) {
        return "insert into asset_aud (id, rev, revtype, "
                + AUDITED
                + ") select id, ?, "
                + revtype
                + ", "
                + AUDITED
                + " from "
                + rows;
    }

    /** How many history rows of assets there are. */
    public long size(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from asset_aud")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
