package io.custodian.asset.ownership;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * People and groups read and locked in bulk over JDBC, on the caller's connection (and so in its
 * transaction), for set-based work on the register such as an import.
 */
@ApplicationScoped
public class BulkParties {

    /** A person as an import names them: by e-mail or by display name. */
    public record PersonName(UUID id, String email, String displayName) {}

    /** A group as an import names it. */
    public record GroupName(UUID id, String name) {}

    /** Every person, by id, e-mail and display name. */
    public void forEachPerson(Connection connection, Consumer<PersonName> person)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("select id, email, display_name from person")) {
            while (rs.next()) {
                person.accept(
                        new PersonName(
                                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
            }
        }
    }

    /** Every group that may own assets (not deactivated), by id and name. */
    public void forEachGroup(Connection connection, Consumer<GroupName> group) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                "select id, name from asset_group where deactivated_at is null")) {
            while (rs.next()) {
                group.accept(new GroupName(rs.getObject(1, UUID.class), rs.getString(2)));
            }
        }
    }

    /**
     * Locks these people's rows (shared, in the order of their ids) until the end of the
     * connection's transaction: an off-boarding, which locks its person before it reads what they
     * hold and own, waits for that end meanwhile, and so do changes to their records.
     */
    public void lockShared(Connection connection, List<UUID> people) throws SQLException {
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
}
