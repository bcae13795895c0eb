package io.custodian.asset.ownership;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A person's e-mail and status by e-mail or by the identity provider's subject, read with one
 * indexed query outside any persistence context: for the security layer, which asks on every
 * authenticated request (before a transaction exists).
 */
@ApplicationScoped
public class PersonStatuses {

    private static final String BY_EMAIL = "select email, status from person where email = ?";
    private static final String BY_SUBJECT = "select email, status from person where subject = ?";

    /** What the security layer needs of a person. */
    public record Found(String email, Person.Status status) {}

    private final AgroalDataSource dataSource;

    PersonStatuses(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The person with this (lower-case) e-mail, if there is one. */
    public Optional<Found> byEmail(String email) {
        return one(BY_EMAIL, email);
    }

    /** The person whose recorded subject this is, if there is one. */
    public Optional<Found> bySubject(String subject) {
        return one(BY_SUBJECT, subject);
    }

    private Optional<Found> one(String query, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getString(2) != null
                        ? Optional.of(
                                new Found(
                                        rows.getString(1),
                                        Person.Status.valueOf(rows.getString(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a person's status", e);
        }
    }
}
