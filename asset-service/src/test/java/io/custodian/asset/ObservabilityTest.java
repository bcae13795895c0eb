package io.custodian.asset;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.custodian.local.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of one loss report, as in production: the metrics on the management port
 * (not on the API port) move with it.
 */
@QuarkusTest
@TestProfile(ObservabilityTest.ManagementPort.class)
class ObservabilityTest {

    static final int MANAGEMENT_PORT = Scrape.freePort();

    /** Health and metrics on a management port of their own, spans recorded in memory. */
    public static class ManagementPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Scrape.managementAndTracing(MANAGEMENT_PORT);
        }
    }

    private static Scrape scrape() {
        return Scrape.of("http://127.0.0.1:" + MANAGEMENT_PORT + "/q/metrics");
    }

    @Test
    void shouldCountALossReportAndItsPublicationOnTheManagementPort() {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        Scrape before = scrape();

        try (EventTap tap = new EventTap()) {
            asAdmin()
                    .body(
                            Map.of(
                                    "assetTag",
                                    tag,
                                    "kind",
                                    "stolen",
                                    "occurredAt",
                                    TestClock.now().minus(Duration.ofHours(2)).toString()))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);
            tap.only(asset, "asset.incident.reported");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> scrape().value("custodian_outbox_backlog") == 0);

        Scrape after = scrape();
        assertThat(after.contentType()).containsAnyOf("text/plain", "application/openmetrics-text");
        assertThat(
                        after.value(
                                        "custodian_incidents_reported_total",
                                        "kind",
                                        "stolen",
                                        "late",
                                        "false")
                                - before.value(
                                        "custodian_incidents_reported_total",
                                        "kind",
                                        "stolen",
                                        "late",
                                        "false"))
                .isEqualTo(1);
        // the other series are there at 0, so dashboards and alerts see them from the start
        assertThat(after.has("custodian_incidents_reported_total", "kind", "lost", "late", "true"))
                .isTrue();
        assertThat(after.value("custodian_outbox_published_total"))
                .isGreaterThanOrEqualTo(before.value("custodian_outbox_published_total") + 1);
        assertThat(after.value("custodian_outbox_oldest_age_seconds")).isBetween(0.0, 1.0);
        assertThat(after.has("custodian_offboardings_overdue")).isTrue();
        assertThat(
                        after.has(
                                "custodian_imports_rows_total",
                                "result",
                                "created",
                                "dry_run",
                                "false"))
                .isTrue();
        // the standard HTTP server histogram, by route template (never an id)
        assertThat(after.labelsOf("http_server_requests_seconds_count"))
                .anyMatch(l -> "/api/v1/incidents".equals(l.get("uri")))
                .noneMatch(l -> l.getOrDefault("uri", "").contains(asset));
        // the API port serves no metrics in this profile, as in production
        given().get("/q/metrics").then().statusCode(404);
    }
}
