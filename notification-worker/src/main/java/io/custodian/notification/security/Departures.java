package io.custodian.notification.security;

import io.agroal.api.AgroalDataSource;
import io.custodian.api.event.OffboardingStarted;
import io.custodian.notification.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * The worker's record of who has departed, kept from {@code offboarding.completed} and {@code
 * person.reactivated}: the same rule as asset-service's (a completed off-boarding makes the person
 * departed, a re-hire active again), read by {@link DepartedPeople}. The two events have different
 * keys and may be handled in either order, so each time is kept and the later one wins. Only this
 * class touches {@code departed_person}.
 */
@ApplicationScoped
public class Departures {

    private static final String DEPARTED =
            "insert into departed_person as d (email, departed_at, event_id, subject)"
                    + " values (?, ?, ?, ?) on conflict (email) do update"
                    + " set departed_at = excluded.departed_at, event_id = excluded.event_id,"
                    + " subject = coalesce(excluded.subject, d.subject)"
                    + " where d.departed_at is null or d.departed_at < excluded.departed_at";
    private static final String REHIRED =
            "insert into departed_person as d"
                    + " (email, reactivated_at, reactivation_event_id, subject)"
                    + " values (?, ?, ?, ?) on conflict (email) do update"
                    + " set reactivated_at = excluded.reactivated_at,"
                    + " reactivation_event_id = excluded.reactivation_event_id,"
                    + " subject = coalesce(excluded.subject, d.subject)"
                    + " where d.reactivated_at is null"
                    + " or d.reactivated_at < excluded.reactivated_at";
    private static final String DEPARTED_NOW =
            " and departed_at is not null"
                    + " and (reactivated_at is null or reactivated_at < departed_at)";
    private static final String BY_EMAIL =
            "select 1 from departed_person where email = ?" + DEPARTED_NOW;
    private static final String BY_SUBJECT =
            "select 1 from departed_person where subject = ?" + DEPARTED_NOW;

    private final AgroalDataSource dataSource;

    Departures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that this person (by e-mail, and subject when recorded) departed at that moment; a
     * repeat changes nothing, and nothing happens for an event that names nobody.
     */
    public Uni<Void> departed(OffboardingStarted.Person person, Instant at, String eventId) {
        return write(DEPARTED, person, at, eventId);
    }

    /**
     * Records that this person was re-hired at that moment: departed no longer, unless a later
     * departure is recorded; a repeat changes nothing.
     */
    public Uni<Void> rehired(OffboardingStarted.Person person, Instant at, String eventId) {
        return write(REHIRED, person, at, eventId);
    }

    private Uni<Void> write(
            String sql, OffboardingStarted.Person person, Instant at, String eventId) {
        if (person == null || person.email() == null) {
            return Uni.createFrom().voidItem();
        }
        return Blocking.run(() -> write(sql, person.email(), person.subject(), at, eventId));
    }

    private void write(String sql, String email, String subject, Instant at, String eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, email.toLowerCase(Locale.ROOT));
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setString(3, eventId);
            statement.setString(4, subject);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + eventId, e);
        }
    }

    /** Whether the person with this (lower-case) e-mail has departed. Blocking. */
    boolean departed(String email) {
        return departed(BY_EMAIL, email);
    }

    /** Whether the person with this identity provider's subject has departed. Blocking. */
    boolean departedSubject(String subject) {
        return departed(BY_SUBJECT, subject);
    }

    private boolean departed(String query, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the caller's departure", e);
        }
    }
}
