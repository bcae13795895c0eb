package io.custodian.asset.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * People (by e-mail and by display name) and groups (by name), loaded once per job: the owners a
 * row may name. A name shared by two people resolves to neither.
 */
final class Directory {

    static final UUID AMBIGUOUS = new UUID(0, 0);

    private final Map<String, UUID> peopleByEmail = new HashMap<>();
    private final Map<String, UUID> peopleByName = new HashMap<>();
    private final Map<String, UUID> groupsByName = new HashMap<>();

    static Directory load(Connection connection) throws SQLException {
        Directory directory = new Directory();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs =
                    statement.executeQuery("select id, email, display_name from person")) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    directory.peopleByEmail.put(key(rs.getString(2)), id);
                    directory.peopleByName.merge(
                            key(rs.getString(3)), id, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                }
            }
            try (ResultSet rs = statement.executeQuery("select id, name from asset_group")) {
                while (rs.next()) {
                    directory.groupsByName.put(key(rs.getString(2)), rs.getObject(1, UUID.class));
                }
            }
        }
        return directory;
    }

    /**
     * A person by e-mail (when the value has an @) or by display name; null if none or ambiguous.
     */
    UUID person(String emailOrName) {
        UUID id =
                emailOrName.contains("@")
                        ? peopleByEmail.get(key(emailOrName))
                        : peopleByName.get(key(emailOrName));
        return AMBIGUOUS.equals(id) ? null : id;
    }

    UUID group(String name) {
        return groupsByName.get(key(name));
    }

    private static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
