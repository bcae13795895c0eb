package io.custodian.asset.offboarding;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.offboard;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.MassAssignment.PROTECTED;
import static io.custodian.asset.MassAssignment.assertUnknownField;
import static io.custodian.asset.MassAssignment.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.asset.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The HR webhook names a person and a last day, nothing else: no status, items, starter or
 * timestamps; a waiver gives a reason and its author is the token's e-mail.
 */
@QuarkusTest
class OffboardingMassAssignmentTest {

    private static final String HR = "hr@example.com";

    private static final Map<String, Object> EXTRA =
            Map.of(
                    "startedBy", "ceo@example.com",
                    "source", "scim",
                    "items", List.of(),
                    "completedAt", "2020-01-01T00:00:00Z",
                    "closedBy", "ceo@example.com",
                    "waivedBy", "ceo@example.com");

    @Test
    void shouldRefuseProtectedFieldsOnStartAndWaiverAndTakeTheWaiverAuthorFromTheToken() {
        String employeeId = unique("E");
        String email = unique("leaver") + "@example.com";
        String person =
                as("hr-system", HR)
                        .body(Map.of("email", email, "displayName", "Leaver"))
                        .put("/api/v1/people/by-employee-id/" + employeeId)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        createAsset(unique("MA"), "person", person);
        Map<String, Object> start =
                Map.of(
                        "person", Map.of("employeeId", employeeId),
                        "lastWorkingDay", TestClock.today().plusDays(30).toString(),
                        "reference", unique("HR"));

        probes().forEach(
                        (field, value) ->
                                assertUnknownField(
                                        as("hr-system", HR)
                                                .body(with(start, field, value))
                                                .post("/api/v1/offboardings"),
                                        field));
        assertUnknownField(
                as("hr-system", HR)
                        .body(
                                with(
                                        start,
                                        "person",
                                        Map.of("employeeId", employeeId, "status", "departed")))
                        .post("/api/v1/offboardings"),
                "person.status");
        assertThat(offboardingsOf(person)).isZero();

        Response started = as("hr-system", HR).body(start).post("/api/v1/offboardings");
        started.then().statusCode(201).body("startedBy", equalTo(HR));
        String id = started.path("id");
        String waiver = "/api/v1/offboardings/" + id + "/items/" + started.path("items[0].id");
        Map<String, Object> reason = Map.of("reason", "Kept as agreed");
        String ceo = unique("ceo") + "@example.com";

        probes().forEach(
                        (field, value) ->
                                assertUnknownField(
                                        as("leadership", ceo)
                                                .body(with(reason, field, value))
                                                .post(waiver + "/waiver"),
                                        field));
        as("leadership", ceo)
                .get("/api/v1/offboardings/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("open"))
                .body("items[0].status", equalTo("pending"))
                .body("person.status", equalTo("leaving"));

        as("leadership", ceo)
                .body(reason)
                .post(waiver + "/waiver")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("waived"))
                .body("items[0].closedBy", equalTo(ceo));
    }

    @Test
    void shouldNotLetALeavingLeaderWaiveTheReturnOfTheirOwnAssets() {
        String cto = unique("cto") + "@example.com";
        createAsset(unique("MA"), "person", createPerson(cto, "Leaving Leader"));
        JsonPath started = offboard(cto);
        String waiver =
                "/api/v1/offboardings/"
                        + started.getString("id")
                        + "/items/"
                        + started.getString("items[0].id")
                        + "/waiver";
        Map<String, Object> reason = Map.of("reason", "I keep it");

        as("leadership", cto.toUpperCase())
                .body(reason)
                .post(waiver)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("your own off-boarding"));
        as("leadership", cto)
                .get("/api/v1/offboardings/" + started.getString("id"))
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("pending"));

        String ceo = unique("ceo") + "@example.com";
        as("leadership", ceo)
                .body(reason)
                .post(waiver)
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("waived"))
                .body("items[0].closedBy", equalTo(ceo));
    }

    private static Map<String, Object> probes() {
        Map<String, Object> probes = new LinkedHashMap<>(PROTECTED);
        probes.putAll(EXTRA);
        return probes;
    }

    private static long offboardingsOf(String person) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Offboarding.count("person.id", UUID.fromString(person)));
    }
}
