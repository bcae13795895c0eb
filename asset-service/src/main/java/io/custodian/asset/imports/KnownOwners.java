package io.custodian.asset.imports;

import io.custodian.asset.ownership.BulkParties;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The owners and holders a row may name, loaded once per job from the ownership feature: people (by
 * e-mail, by display name and by username, the local part of their e-mail) and groups (by name). A
 * name or username shared by two people resolves to neither.
 */
final class KnownOwners {

    static final UUID AMBIGUOUS = new UUID(0, 0);

    private final Map<String, UUID> peopleByEmail = new HashMap<>();
    private final Map<String, UUID> peopleByName = new HashMap<>();
    private final Map<String, UUID> peopleByUsername = new HashMap<>();
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
                    // a username is the e-mail's local part (Snipe-IT's, as an HR sync sets it)
                    String email = key(person.email());
                    int at = email.indexOf('@');
                    if (at > 0) {
                        owners.peopleByUsername.merge(
                                email.substring(0, at),
                                person.id(),
                                (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                    }
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

    /**
     * The person an assignee names: by e-mail, else by username (the local part of one e-mail in
     * the directory), else by full name (one person's display name); null if none of the given
     * values finds exactly one person. {@code any} is a value that may be any of the three (the
     * export's "Checked Out To").
     */
    UUID assignee(String email, String username, String fullName, String any) {
        UUID id = null;
        if (email != null) {
            id = peopleByEmail.get(key(email));
        }
        if (id == null && username != null) {
            id =
                    username.contains("@")
                            ? peopleByEmail.get(key(username))
                            : unique(peopleByUsername, username);
        }
        if (id == null && fullName != null) {
            id = unique(peopleByName, fullName);
        }
        if (id == null && any != null) {
            id = any.contains("@") ? peopleByEmail.get(key(any)) : unique(peopleByName, any);
            if (id == null && !any.contains("@")) {
                id = unique(peopleByUsername, any);
            }
        }
        return id;
    }

    private static UUID unique(Map<String, UUID> people, String value) {
        UUID id = people.get(key(value));
        return AMBIGUOUS.equals(id) ? null : id;
    }

    UUID group(String name) {
        return groupsByName.get(key(name));
    }

    private static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
