package io.custodian.asset.policy;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.MassAssignment.PROTECTED;
import static io.custodian.asset.MassAssignment.assertUnknownField;
import static io.custodian.asset.MassAssignment.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.asset.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exception requests and violation reports: requester, reporter, decider and handlers are the
 * token's e-mail; status, ids and timestamps can't be sent; a refused write leaves nothing behind.
 */
@QuarkusTest
class PolicyMassAssignmentTest {

    private static final Map<String, Object> ACTORS =
            Map.of(
                    "acknowledgedBy", "ceo@example.com",
                    "closedBy", "ceo@example.com",
                    "decidedAt", "2020-01-01T00:00:00Z",
                    "requestedAt", "2020-01-01T00:00:00Z",
                    "reportedAt", "2020-01-01T00:00:00Z",
                    "validUntil", "2099-01-01",
                    "expiredAt", "2020-01-01T00:00:00Z");

    @Test
    void shouldRefuseProtectedFieldsInAnExceptionRequestAndTakeTheRequesterFromTheToken() {
        String email = unique("ada") + "@example.com";
        probes().forEach(
                        (field, value) -> {
                            if (field.equals("validUntil")) {
                                return; // a decision's field, checked below
                            }
                            assertUnknownField(
                                    as("employee", email)
                                            .body(with(request(), field, value))
                                            .post("/api/v1/exceptions"),
                                    field);
                        });
        assertThat(count("requestedBy", email)).isZero();

        String id =
                as("employee", email)
                        .body(request())
                        .post("/api/v1/exceptions")
                        .then()
                        .statusCode(201)
                        .body("requestedBy.email", equalTo(email))
                        .body("status", equalTo("requested"))
                        .extract()
                        .path("id");

        String cto = unique("cto") + "@example.com";
        Map<String, Object> decision = Map.of("decision", "reject", "note", "Not this time.");
        probes().forEach(
                        (field, value) -> {
                            if (field.equals("validUntil")) {
                                return; // a decision's own field
                            }
                            assertUnknownField(
                                    as("leadership", cto)
                                            .body(with(decision, field, value))
                                            .post("/api/v1/exceptions/" + id + "/decision"),
                                    field);
                        });
        as("employee", email)
                .get("/api/v1/exceptions/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("requested"))
                .body("decidedBy", equalTo(null));

        as("leadership", cto)
                .body(decision)
                .post("/api/v1/exceptions/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("decidedBy.email", equalTo(cto))
                .body("requestedBy.email", equalTo(email));
    }

    @Test
    void shouldRefuseProtectedFieldsInAViolationAndTakeReporterAndHandlersFromTheToken() {
        String email = unique("bob") + "@example.com";
        String description = "Shared a password in the team chat " + unique("x");
        probes().forEach(
                        (field, value) ->
                                assertUnknownField(
                                        as("employee", email)
                                                .body(
                                                        with(
                                                                Map.of("description", description),
                                                                field,
                                                                value))
                                                .post("/api/v1/violations"),
                                        field));
        assertThat(countViolations(email)).isZero();

        String id =
                as("employee", email)
                        .body(Map.of("description", description))
                        .post("/api/v1/violations")
                        .then()
                        .statusCode(201)
                        .body("reportedBy.email", equalTo(email))
                        .extract()
                        .path("id");

        String ceo = unique("ceo") + "@example.com";
        probes().forEach(
                        (field, value) -> {
                            assertUnknownField(
                                    as("leadership", ceo)
                                            .body(with(Map.of("note", "Seen"), field, value))
                                            .post("/api/v1/violations/" + id + "/acknowledgement"),
                                    field);
                            assertUnknownField(
                                    as("leadership", ceo)
                                            .body(with(Map.of("outcome", "Talked"), field, value))
                                            .post("/api/v1/violations/" + id + "/closure"),
                                    field);
                        });
        as("leadership", ceo)
                .get("/api/v1/violations/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("reported"))
                .body("acknowledgedBy", equalTo(null));

        as("leadership", ceo)
                .body(Map.of("note", "Seen"))
                .post("/api/v1/violations/" + id + "/acknowledgement")
                .then()
                .statusCode(200)
                .body("acknowledgedBy.email", equalTo(ceo))
                .body("reportedBy.email", equalTo(email));
        as("leadership", ceo)
                .body(Map.of("outcome", "Talked"))
                .post("/api/v1/violations/" + id + "/closure")
                .then()
                .statusCode(200)
                .body("closedBy.email", equalTo(ceo));
    }

    @Test
    void shouldLetAnEmployeeNameOnlyTheirOwnAssetsInAnExceptionRequest() {
        String email = unique("ada") + "@example.com";
        String mine = createAsset(unique("MA"), "person", createPerson(email));
        String secretTag = unique("SECRET");
        String theirs = createAsset(secretTag, "group", createGroup(unique("Board")));

        Map<String, Object> body = request();
        body.put("assetIds", List.of(mine, theirs));
        Response refused = as("employee", email).body(body).post("/api/v1/exceptions");
        refused.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("assetIds[1]"))
                .body("errors[0].message", equalTo("no such asset"));
        assertThat(refused.asString()).doesNotContain(secretTag);
        assertThat(count("requestedBy", email)).isZero();

        body.put("assetIds", List.of(mine));
        as("employee", email)
                .body(body)
                .post("/api/v1/exceptions")
                .then()
                .statusCode(201)
                .body("assets.id", contains(mine));
        // IT and leadership act on any asset, and may name it
        body.put("assetIds", List.of(theirs));
        as("leadership", unique("cto") + "@example.com")
                .body(body)
                .post("/api/v1/exceptions")
                .then()
                .statusCode(201)
                .body("assets[0].assetTag", equalTo(secretTag));
    }

    private static Map<String, Object> probes() {
        Map<String, Object> probes = new LinkedHashMap<>(PROTECTED);
        probes.putAll(ACTORS);
        return probes;
    }

    private static Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clause", "acceptable_use");
        body.put("justification", "Customer visit without the docking station.");
        body.put("assetIds", List.of());
        body.put("wantedUntil", TestClock.today().plusDays(7).toString());
        return body;
    }

    private static long count(String field, String email) {
        return QuarkusTransaction.requiringNew().call(() -> ExceptionRequest.count(field, email));
    }

    private static long countViolations(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Violation.count("reportedBy", email));
    }
}
