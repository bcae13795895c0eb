package io.custodian.asset.ownership;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A person's status by e-mail, read with one indexed query outside any persistence context: for the
 * security layer, which asks on every authenticated request (before a transaction exists).
 */
@ApplicationScoped
public class PersonStatuses {

    private static final String QUERY = "select status from person where email = ?";

    private final AgroalDataSource dataSource;

    PersonStatuses(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The status of the person with this e-mail, if there is one. */
    public Optional<Person.Status> of(String email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getString(1) != null
                        ? Optional.of(Person.Status.valueOf(rows.getString(1)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a person's status", e);
        }
    }
}
