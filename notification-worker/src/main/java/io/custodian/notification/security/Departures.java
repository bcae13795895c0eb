package io.custodian.notification.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * The worker's record of who has departed, kept from {@code offboarding.completed}: the same rule
 * as asset-service's (a completed off-boarding makes the person departed), read by {@link
 * DepartedPeople}. Only this class touches {@code departed_person}.
 */
@ApplicationScoped
public class Departures {

    private static final String RECORD =
            "insert into departed_person (email, departed_at, event_id) values (?, ?, ?)"
                    + " on conflict (email) do nothing";
    private static final String READ = "select 1 from departed_person where email = ?";

    private final AgroalDataSource dataSource;

    Departures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records that the person with this e-mail departed; a repeat changes nothing. Blocking. */
    public void record(String email, Instant departedAt, String eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setString(1, email.toLowerCase(Locale.ROOT));
            statement.setTimestamp(2, Timestamp.from(departedAt));
            statement.setString(3, eventId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not record the departure of event " + eventId, e);
        }
    }

    /** Whether the person with this (lower-case) e-mail has departed. Blocking. */
    boolean departed(String email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the caller's departure", e);
        }
    }
}
