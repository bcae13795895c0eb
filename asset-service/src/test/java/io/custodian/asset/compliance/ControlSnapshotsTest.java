package io.custodian.asset.compliance;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daily snapshot: the trend over a period, and {@code compliance.control.failing} once when a
 * control turns from passing to failing. The clock is moved years ahead, to a day of its own: by
 * then every asset's verification is overdue, so A.5.9 fails whatever the other tests left.
 */
@QuarkusTest
class ControlSnapshotsTest {

    private static final String AUDITOR = "auditor@example.com";
    private static final String PROBLEM = "application/problem+json";

    @Inject ControlSnapshots snapshots;
    @Inject TestClock clock;
    @Inject AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldAlertOnceWhenAControlTurnsFromPassingToFailingAndKeepTheTrend() throws Exception {
        createAsset(unique("SNAP"), "group", createGroup(unique("Snapshot team")));
        clock.shift(Duration.ofDays(3000));
        LocalDate today = LocalDate.now(clock);
        LocalDate yesterday = today.minusDays(1);
        // yesterday A.5.9 passed and A.5.10 failed
        snapshot(yesterday, "A.5.9", "passing", 0);
        snapshot(yesterday, "A.5.10", "failing", 3);

        try (EventTap tap = new EventTap()) {
            assertThat(snapshots.take()).contains("A.5.9").doesNotContain("A.5.10");
            // a second run the same day (a restart, another replica) keeps the first and alerts
            // nobody again
            assertThat(snapshots.take()).isEmpty();

            String key = ControlSnapshots.key("A.5.9").toString();
            JsonNode data =
                    new ObjectMapper()
                            .readTree(tap.only(key, "compliance.control.failing").value());
            assertThat(data.get("controlId").asText()).isEqualTo("A.5.9");
            assertThat(data.get("day").asText()).isEqualTo(today.toString());
            assertThat(data.get("lastPassingDay").asText()).isEqualTo(yesterday.toString());
            assertThat(data.get("failing").asLong()).isPositive();
            assertThat(data.get("failingItems").size()).isBetween(1, ControlSnapshots.LISTED);
            assertThat(data.at("/failingItems/0/reasons/0").asText()).isNotBlank();
            assertThat(data.get("moreFailingItems").asBoolean())
                    .isEqualTo(data.get("failing").asLong() > data.get("failingItems").size());
            assertThat(tap.settled(ControlSnapshots.key("A.5.10").toString())).isEmpty();
        }

        JsonPath trend =
                as("auditor", AUDITOR)
                        .get(
                                "/api/v1/compliance/trend?control=A.5.9&from="
                                        + yesterday
                                        + "&to="
                                        + today)
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .extract()
                        .jsonPath();
        assertThat(trend.getList("items.day"))
                .containsExactly(yesterday.toString(), today.toString());
        assertThat(trend.getList("items.status")).containsExactly("passing", "failing");
        long live =
                as("auditor", AUDITOR)
                        .get("/api/v1/compliance/controls/A.5.9?limit=1")
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("population");
        assertThat(trend.getLong("items[1].population")).isEqualTo(live);

        // every control has today's snapshot, by default over the last 90 days
        JsonPath all =
                as("leadership", "ceo@example.com").get("/api/v1/compliance/trend").jsonPath();
        assertThat(all.getString("to")).isEqualTo(today.toString());
        assertThat(all.getString("from")).isEqualTo(today.minusDays(89).toString());
        assertThat(all.getList("items.controlId"))
                .contains("A.5.9", "A.5.10", "A.5.11", "A.6.5", "A.6.8", "A.8.1");
    }

    @Test
    void shouldRefuseWhatTheTrendDoesNotAnswer() {
        as("employee", "e@example.com")
                .get("/api/v1/compliance/trend")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("auditor", AUDITOR)
                .get("/api/v1/compliance/trend?control=A.9.9")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("auditor", AUDITOR)
                .get("/api/v1/compliance/trend?days=3")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("days"));
        as("auditor", AUDITOR)
                .get("/api/v1/compliance/trend?from=2026-02-01&to=2026-01-01")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("to"));
        as("auditor", AUDITOR)
                .get("/api/v1/compliance/trend?from=2024-01-01&to=2026-01-01")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("to"));
        as("auditor", AUDITOR)
                .get("/api/v1/compliance/trend?from=yesterday")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("from"));
    }

    private void snapshot(LocalDate day, String control, String status, long failing)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "insert into compliance_snapshot values (?, ?, ?, 10, ?, ?, 0,"
                                        + " ?)")) {
            insert.setObject(1, day);
            insert.setString(2, control);
            insert.setString(3, status);
            insert.setLong(4, 10 - failing);
            insert.setLong(5, failing);
            insert.setTimestamp(6, Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
            insert.executeUpdate();
        }
    }
}
