package io.custodian.asset.incident;

import static io.custodian.asset.Api.anonymous;
import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldReportATheftMarkTheAssetStolenAndPublishExactlyOneCloudEvent() throws Exception {
        String group = createGroup(unique("Platform"));
        String tag = unique("LT");
        String asset = createAsset(tag, "group", group);

        try (EventTap tap = new EventTap()) {
            String location =
                    asAdmin()
                            .body(
                                    report(
                                            tag,
                                            "stolen",
                                            TestClock.now().minus(40, ChronoUnit.MINUTES)))
                            .post("/api/v1/incidents")
                            .then()
                            .statusCode(201)
                            .contentType("application/json")
                            .body("kind", equalTo("stolen"))
                            .body("status", equalTo("open"))
                            .body("asset.assetTag", equalTo(tag))
                            .body("reportingDelaySeconds", greaterThan(2390))
                            .body("late", equalTo(false))
                            .body("reportedBy", equalTo("it@example.com"))
                            .extract()
                            .header("Location");
            String incidentId = location.substring(location.lastIndexOf('/') + 1);

            asAdmin().get("/api/v1/assets/" + asset).then().body("status", equalTo("stolen"));
            asAdmin().get(location).then().statusCode(200).body("id", equalTo(incidentId));

            await().atMost(Duration.ofSeconds(10)).until(() -> !tap.withKey(asset).isEmpty());
            List<EventTap.Event> events = tap.settled(asset);
            assertThat(events).hasSize(1);
            EventTap.Event event = events.get(0);
            assertThat(event.header("ce_specversion")).isEqualTo("1.0");
            assertThat(event.header("ce_type")).isEqualTo("asset.incident.reported");
            assertThat(event.header("ce_source")).isEqualTo("/custodian/asset-service");
            assertThat(event.header("ce_subject")).isEqualTo("assets/" + asset);
            assertThat(event.header("ce_id")).isNotBlank();
            assertThat(event.header("ce_time")).isNotBlank();

            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(data.get("incidentId").asText()).isEqualTo(incidentId);
            assertThat(data.get("kind").asText()).isEqualTo("stolen");
            assertThat(data.at("/asset/assetTag").asText()).isEqualTo(tag);
            assertThat(data.at("/asset/previousStatus").asText()).isEqualTo("in_stock");
            assertThat(data.at("/owner/type").asText()).isEqualTo("group");
            assertThat(data.at("/owner/id").asText()).isEqualTo(group);
        }
    }

    @Test
    void shouldLetAnEmployeeReportTheirOwnDeviceByIdAndFlagALateReport() {
        String email = unique("ada") + "@example.com";
        String asset = createAsset(unique("PH"), "person", createPerson(email));
        Map<String, Object> body = report(null, "lost", TestClock.now().minus(3, ChronoUnit.DAYS));
        body.put("assetId", asset);

        as("employee", email)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .body("kind", equalTo("lost"))
                .body("late", equalTo(true))
                .body("reportedBy", equalTo(email));
        asAdmin().get("/api/v1/assets/" + asset).then().body("status", equalTo("lost"));
    }

    @Test
    void shouldRefuseAnEmployeeReportingSomeoneElsesDevice() {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));

        String refused =
                as("employee", "mallory@example.com")
                        .body(report(tag, "stolen", TestClock.now()))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(422)
                        .contentType(PROBLEM)
                        .body("errors[0].field", equalTo("assetTag"))
                        .extract()
                        .asString();
        // a tag that does not exist answers alike: the register is no oracle
        String missingTag = unique("LT");
        String missing =
                as("employee", "mallory@example.com")
                        .body(report(missingTag, "stolen", TestClock.now()))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(422)
                        .contentType(PROBLEM)
                        .extract()
                        .asString();
        assertThat(missing.replace(missingTag, tag)).isEqualTo(refused);
        asAdmin().get("/api/v1/assets/" + asset).then().body("status", equalTo("in_stock"));
    }

    @Test
    void shouldAnswerASecondReportOfAStolenDeviceWithItsOpenIncident() {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        String first =
                asAdmin()
                        .body(report(tag, "stolen", TestClock.now()))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        asAdmin()
                .body(report(tag, "lost", TestClock.now()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("already has an open incident"))
                .body("detail", containsString("/api/v1/incidents/" + first))
                .body("errors[0].field", equalTo("assetTag"));
        asAdmin()
                .get("/api/v1/incidents?assetId=" + asset)
                .then()
                .statusCode(200)
                .body("items.id", contains(first));
        asAdmin().get("/api/v1/assets/" + asset).then().body("status", equalTo("stolen"));
    }

    @Test
    void shouldNameTheFieldsOfAnInvalidReport() {
        asAdmin()
                .body(
                        Map.of(
                                "assetTag",
                                "NO-SUCH-TAG",
                                "kind",
                                "stolen",
                                "occurredAt",
                                TestClock.now().toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("assetTag"));
        asAdmin()
                .body(
                        Map.of(
                                "assetTag",
                                "X",
                                "kind",
                                "misplaced",
                                "occurredAt",
                                TestClock.now().toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        asAdmin()
                .body(Map.of("assetTag", "X", "kind", "lost", "occurredAt", "yesterday"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("occurredAt"));
        asAdmin()
                .body(Map.of("kind", "lost", "occurredAt", TestClock.now().toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("assetId"));
        asAdmin()
                .body(
                        Map.of(
                                "assetTag",
                                "X",
                                "kind",
                                "lost",
                                "occurredAt",
                                TestClock.now().plus(1, ChronoUnit.DAYS).toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void shouldRefuseADeviceTheCallerDoesNotHoldWithoutNamingIt() {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        Map<String, Object> byId = report(null, "lost", TestClock.now());
        byId.put("assetId", asset);

        // an employee who sent only the id learns nothing about the asset, not even that it exists
        String eve = unique("eve") + "@example.com";
        String refusal =
                as("employee", eve)
                        .body(byId)
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(422)
                        .contentType(PROBLEM)
                        .body("errors[0].field", equalTo("assetId"))
                        .extract()
                        .asString();
        assertThat(refusal).doesNotContain(tag);
        String unknown = java.util.UUID.randomUUID().toString();
        Map<String, Object> byUnknownId = report(null, "lost", TestClock.now());
        byUnknownId.put("assetId", unknown);
        assertThat(
                        as("employee", eve)
                                .body(byUnknownId)
                                .post("/api/v1/incidents")
                                .then()
                                .statusCode(422)
                                .extract()
                                .asString()
                                .replace(unknown, asset))
                .isEqualTo(refusal);
        // leadership reads everything but changes no inventory: only IT reports any device
        as("leadership", "ceo@example.com")
                .body(byId)
                .post("/api/v1/incidents")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        asAdmin().get("/api/v1/assets/" + asset).then().body("status", equalTo("in_stock"));
    }

    @Test
    void shouldRefuseAnonymousAndAuditorReports() {
        anonymous()
                .body(report("X", "lost", TestClock.now()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        as("auditor", "audit@example.com")
                .body(report("X", "lost", TestClock.now()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("hr-system", "hr@example.com")
                .body(report("X", "lost", TestClock.now()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    static Map<String, Object> report(String tag, String kind, Instant occurredAt) {
        Map<String, Object> body = new HashMap<>();
        if (tag != null) {
            body.put("assetTag", tag);
        }
        body.put("kind", kind);
        body.put("occurredAt", occurredAt.toString());
        body.put("location", "Train from Leeds to York, coach C");
        body.put("circumstances", "Bag taken from the luggage rack.");
        body.put("policeReference", "BTP-2026-118273");
        return body;
    }
}
