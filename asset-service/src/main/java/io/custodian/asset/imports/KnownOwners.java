package io.custodian.asset.imports;

import io.custodian.asset.ownership.BulkParties;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The owners a row may name, loaded once per job from the ownership feature: people (by e-mail and
 * by display name) and groups (by name). A name shared by two people resolves to neither.
 */
final class KnownOwners {

    static final UUID AMBIGUOUS = new UUID(0, 0);

    private final Map<String, UUID> peopleByEmail = new HashMap<>();
    private final Map<String, UUID> peopleByName = new HashMap<>();
    private final Map<String, UUID> groupsByName = new HashMap<>();

    static KnownOwners load(BulkParties parties, Connection connection) throws SQLException {
        KnownOwners owners = new KnownOwners();
        parties.forEachPerson(
                connection,
                person -> {
                    owners.peopleByEmail.put(key(person.email()), person.id());
                    owners.peopleByName.merge(
                            key(person.displayName()),
                            person.id(),
                            (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                });
        parties.forEachGroup(
                connection, group -> owners.groupsByName.put(key(group.name()), group.id()));
        return owners;
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
