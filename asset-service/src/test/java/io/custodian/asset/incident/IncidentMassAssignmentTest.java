package io.custodian.asset.incident;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.MassAssignment.PROTECTED;
import static io.custodian.asset.MassAssignment.assertUnknownField;
import static io.custodian.asset.MassAssignment.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.asset.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A report, an action and a closure take only their own fields; the reporter, the actor and the
 * closer are the token's e-mail whatever the body says.
 */
@QuarkusTest
class IncidentMassAssignmentTest {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final String ADMIN = "it@example.com";

    private static final Map<String, Object> ACTORS =
            Map.of(
                    "by", "ceo@example.com",
                    "performedBy", "ceo@example.com",
                    "closedBy", "ceo@example.com",
                    "containedBy", "ceo@example.com",
                    "at", "2020-01-01T00:00:00Z",
                    "reportedAt", "2020-01-01T00:00:00Z",
                    "late", false,
                    "timeline", List.of());

    @Test
    void shouldRefuseProtectedFieldsInAReportAndRecordNothing() {
        String email = unique("ada") + "@example.com";
        String asset = createAsset(unique("MA"), "person", createPerson(email));

        probes().forEach(
                        (field, value) ->
                                assertUnknownField(
                                        as("employee", email)
                                                .body(with(report(asset), field, value))
                                                .post(INCIDENTS),
                                        field));

        asAdmin().get("/api/v1/assets/" + asset).then().body("status", equalTo("in_stock"));
        assertThat(incidentsOf(asset)).isZero();
    }

    @Test
    void shouldTakeTheReporterActorAndCloserFromTheToken() {
        String email = unique("ada") + "@example.com";
        String asset = createAsset(unique("MA"), "person", createPerson(email));
        String incident =
                as("employee", email)
                        .body(report(asset))
                        .post(INCIDENTS)
                        .then()
                        .statusCode(201)
                        .body("reportedBy", equalTo(email))
                        .extract()
                        .path("id");
        Response before = asAdmin().get(INCIDENTS + "/" + incident);
        String etag = before.header("ETag");

        Map<String, Object> action = Map.of("action", "remote-lock-requested", "note", "MDM");
        Map<String, Object> closure = Map.of("outcome", "recovered", "note", "Found");
        probes().forEach(
                        (field, value) -> {
                            assertUnknownField(
                                    asAdmin()
                                            .body(with(action, field, value))
                                            .post(INCIDENTS + "/" + incident + "/actions"),
                                    field);
                            assertUnknownField(
                                    asAdmin()
                                            .header("If-Match", etag)
                                            .body(with(closure, field, value))
                                            .post(INCIDENTS + "/" + incident + "/closure"),
                                    field);
                        });
        Response unchanged = asAdmin().get(INCIDENTS + "/" + incident);
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(unchanged.jsonPath().getMap("")).isEqualTo(before.jsonPath().getMap(""));

        String leader = unique("cto") + "@example.com";
        as("leadership", leader)
                .body(action)
                .post(INCIDENTS + "/" + incident + "/actions")
                .then()
                .statusCode(200);
        String etagNow = asAdmin().get(INCIDENTS + "/" + incident).header("ETag");
        asAdmin()
                .header("If-Match", etagNow)
                .body(closure)
                .post(INCIDENTS + "/" + incident + "/closure")
                .then()
                .statusCode(200);

        Response read = asAdmin().get(INCIDENTS + "/" + incident);
        read.then().statusCode(200).body("reportedBy", equalTo(email));
        List<Map<String, Object>> timeline = read.jsonPath().getList("timeline");
        assertThat(timeline)
                .extracting(e -> e.get("type") + " by " + e.get("by"))
                .containsExactly(
                        "reported by " + email,
                        "action by " + leader,
                        "contained by " + leader,
                        "recovered by " + ADMIN);
    }

    private static Map<String, Object> probes() {
        Map<String, Object> probes = new LinkedHashMap<>(PROTECTED);
        probes.putAll(ACTORS);
        return probes;
    }

    private static Map<String, Object> report(String asset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetId", asset);
        body.put("kind", "lost");
        body.put("occurredAt", TestClock.now().minus(5, ChronoUnit.MINUTES).toString());
        body.put("circumstances", "Left on the train");
        return body;
    }

    private static long incidentsOf(String asset) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.count("asset.id", UUID.fromString(asset)));
    }
}
