package io.custodian.asset.policy;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExceptionRequestTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CEO = "ceo@example.com";
    private static final String CTO = "cto@example.com";

    @Inject ExceptionRequests exceptions;
    @Inject TestClock clock;

    @Test
    void shouldRequestAnExceptionAndPublishOneEventKeyedByItsId() throws Exception {
        String email = unique("ada") + "@example.com";
        String personId = createPerson(email);
        String tag = unique("LT");
        String asset = createAsset(tag, "person", personId);

        try (EventTap tap = new EventTap()) {
            var response =
                    as("employee", email)
                            .body(request("handling", List.of(asset), today().plusDays(30)))
                            .post("/api/v1/exceptions")
                            .then()
                            .statusCode(201)
                            .contentType("application/json")
                            .body("status", equalTo("requested"))
                            .body("clause", equalTo("handling"))
                            .body("assets[0].assetTag", equalTo(tag))
                            .body("requestedBy.email", equalTo(email))
                            .body("requestedBy.name", equalTo("Ada Lovelace"))
                            .body("wantedUntil", equalTo(today().plusDays(30).toString()))
                            .body("decidedBy", nullValue())
                            .extract();
            String id = response.path("id");
            assertThat(response.header("Location")).endsWith("/api/v1/exceptions/" + id);
            as("employee", email)
                    .get(response.header("Location"))
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id));

            await().atMost(Duration.ofSeconds(10)).until(() -> !tap.withKey(id).isEmpty());
            List<EventTap.Event> events = tap.settled(id);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).header("ce_type")).isEqualTo("policy.exception.requested");
            assertThat(events.get(0).header("ce_subject")).isEqualTo("exceptions/" + id);
            JsonNode data = new ObjectMapper().readTree(events.get(0).value());
            assertThat(data.get("exceptionId").asText()).isEqualTo(id);
            assertThat(data.get("clause").asText()).isEqualTo("handling");
            assertThat(data.at("/requester/email").asText()).isEqualTo(email);
            assertThat(data.at("/requester/name").asText()).isEqualTo("Ada Lovelace");
            assertThat(data.at("/assets/0/assetTag").asText()).isEqualTo(tag);
            assertThat(data.get("wantedUntil").asText()).isEqualTo(today().plusDays(30).toString());
        }
    }

    @Test
    void shouldLetOnlyLeadershipDecideAndChangeNothingOtherwise() throws Exception {
        String id = requestAs("employee", unique("bob") + "@example.com", today().plusDays(10));

        try (EventTap tap = new EventTap()) {
            for (String role : List.of("employee", "asset-admin", "auditor", "hr-system")) {
                as(role, unique("x") + "@example.com")
                        .body(Map.of("decision", "approve", "note", "Sure"))
                        .post("/api/v1/exceptions/" + id + "/decision")
                        .then()
                        .statusCode(403)
                        .contentType(PROBLEM);
            }
            asAdmin()
                    .get("/api/v1/exceptions/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("requested"))
                    .body("decidedBy", nullValue());
            assertThat(tap.settled(id))
                    .extracting(EventTap.Event::type)
                    .containsExactly("policy.exception.requested");
        }
    }

    @Test
    void shouldRefuseLeadershipDecidingTheirOwnRequest() {
        String id = requestAs("leadership", CTO, today().plusDays(10));

        as("leadership", CTO)
                .body(Map.of("decision", "approve", "note", "Fine by me"))
                .post("/api/v1/exceptions/" + id + "/decision")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("own exception request"));
        as("leadership", CEO)
                .body(Map.of("decision", "approve", "note", "Fine"))
                .post("/api/v1/exceptions/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("approved"))
                .body("decidedBy.email", equalTo(CEO));
    }

    @Test
    void shouldApproveOnceAndExpireOnceWhenTheClockPassesTheLastValidDay() throws Exception {
        String requester = unique("cyd") + "@example.com";
        String id = requestAs("employee", requester, today().plusDays(20));
        LocalDate validUntil = today().plusDays(3);

        try (EventTap tap = new EventTap()) {
            as("leadership", CEO)
                    .body(
                            Map.of(
                                    "decision",
                                    "approve",
                                    "note",
                                    "Until the audit only",
                                    "validUntil",
                                    validUntil.toString()))
                    .post("/api/v1/exceptions/" + id + "/decision")
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("status", equalTo("approved"))
                    .body("validUntil", equalTo(validUntil.toString()))
                    .body("decisionNote", equalTo("Until the audit only"))
                    .body("decidedAt", notNullValue());
            as("leadership", CTO)
                    .body(Map.of("decision", "reject", "note", "No"))
                    .post("/api/v1/exceptions/" + id + "/decision")
                    .then()
                    .statusCode(409)
                    .contentType(PROBLEM)
                    .body("detail", containsString("already decided"));

            // on the last valid day nothing expires
            moveClockTo(validUntil.atTime(23, 0).toInstant(ZoneOffset.UTC));
            exceptions.expireDue();
            asAdmin().get("/api/v1/exceptions/" + id).then().body("status", equalTo("approved"));

            // the day after, it expires: once, however often the job runs
            moveClockTo(validUntil.plusDays(1).atTime(0, 5).toInstant(ZoneOffset.UTC));
            exceptions.expireDue();
            exceptions.expireDue();
            asAdmin()
                    .get("/api/v1/exceptions/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("expired"))
                    .body("expiredAt", notNullValue());

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> types(tap, id).contains("policy.exception.expired"));
            assertThat(tap.settled(id))
                    .extracting(EventTap.Event::type)
                    .containsExactly(
                            "policy.exception.requested",
                            "policy.exception.decided",
                            "policy.exception.expired");
            JsonNode decided = data(tap, id, "policy.exception.decided");
            assertThat(decided.get("decision").asText()).isEqualTo("approved");
            assertThat(decided.get("note").asText()).isEqualTo("Until the audit only");
            assertThat(decided.at("/decidedBy/email").asText()).isEqualTo(CEO);
            assertThat(decided.at("/requester/email").asText()).isEqualTo(requester);
            JsonNode expired = data(tap, id, "policy.exception.expired");
            assertThat(expired.get("validUntil").asText()).isEqualTo(validUntil.toString());
            assertThat(expired.at("/requester/email").asText()).isEqualTo(requester);
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldRejectWithANoteAndNoValidity() throws Exception {
        String id = requestAs("asset-admin", "it@example.com", today().plusDays(5));

        as("leadership", CEO)
                .body(
                        Map.of(
                                "decision",
                                "reject",
                                "note",
                                "No",
                                "validUntil",
                                today().plusDays(2).toString()))
                .post("/api/v1/exceptions/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("validUntil"));
        try (EventTap tap = new EventTap()) {
            as("leadership", CEO)
                    .body(Map.of("decision", "reject", "note", "Encrypt the disk first."))
                    .post("/api/v1/exceptions/" + id + "/decision")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("rejected"))
                    .body("validUntil", nullValue())
                    .body("decisionNote", equalTo("Encrypt the disk first."));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> types(tap, id).contains("policy.exception.decided"));
            JsonNode decided = data(tap, id, "policy.exception.decided");
            assertThat(decided.get("decision").asText()).isEqualTo("rejected");
            assertThat(decided.has("validUntil")).isFalse();
        }
    }

    @Test
    void shouldRefuseSomeoneElsesAssetExactlyAsAnUnknownOne() {
        String tag = unique("LT");
        String someoneElses = createAsset(tag, "group", createGroup(unique("G")));
        String employee = unique("eve") + "@example.com";

        String refused =
                as("employee", employee)
                        .body(request("handling", List.of(someoneElses), nextWeek()))
                        .post("/api/v1/exceptions")
                        .then()
                        .statusCode(422)
                        .contentType(PROBLEM)
                        .body("errors[0].field", equalTo("assetIds[0]"))
                        .extract()
                        .path("errors[0].message");
        String unknown =
                as("employee", employee)
                        .body(
                                request(
                                        "handling",
                                        List.of(UUID.randomUUID().toString()),
                                        nextWeek()))
                        .post("/api/v1/exceptions")
                        .then()
                        .statusCode(422)
                        .extract()
                        .path("errors[0].message");
        assertThat(refused).isEqualTo(unknown).doesNotContain(tag);
        // IT and leadership may name any asset
        as("leadership", CEO)
                .body(request("handling", List.of(someoneElses), nextWeek()))
                .post("/api/v1/exceptions")
                .then()
                .statusCode(201)
                .body("assets[0].assetTag", equalTo(tag));
    }

    @Test
    void shouldNameTheFieldsOfAnInvalidRequestOrDecision() {
        String employee = unique("dee") + "@example.com";
        String asset = createAsset(unique("LT"), "person", createPerson(employee));

        invalidRequest(
                employee,
                request("handling", List.of(asset, UUID.randomUUID().toString()), nextWeek()),
                "assetIds[1]");
        invalidRequest(employee, request("handling", List.of(asset), today()), "wantedUntil");
        invalidRequest(
                employee, request("handling", List.of(), today().minusDays(3)), "wantedUntil");
        invalidRequest(
                employee, request("handling", List.of(), today().plusDays(400)), "wantedUntil");
        invalidRequest(employee, request("coffee", List.of(), nextWeek()), "clause");
        invalidRequest(
                employee, request("return", List.of("not-a-uuid"), nextWeek()), "assetIds[0]");
        invalidRequest(
                employee, request("return", List.of(asset, asset), nextWeek()), "assetIds[1]");
        Map<String, Object> noJustification = request("return", List.of(), nextWeek());
        noJustification.remove("justification");
        invalidRequest(employee, noJustification, "justification");
        Map<String, Object> blank = request("return", List.of(), nextWeek());
        blank.put("justification", "  ");
        invalidRequest(employee, blank, "justification");

        String id = requestAs("employee", employee, nextWeek());
        as("leadership", CEO)
                .body(Map.of("decision", "approve"))
                .post("/api/v1/exceptions/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("note"));
        as("leadership", CEO)
                .body(
                        Map.of(
                                "decision",
                                "approve",
                                "note",
                                "ok",
                                "validUntil",
                                nextWeek().plusDays(1).toString()))
                .post("/api/v1/exceptions/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("validUntil"));
        as("leadership", CEO)
                .body(
                        Map.of(
                                "decision",
                                "approve",
                                "note",
                                "ok",
                                "validUntil",
                                today().minusDays(1).toString()))
                .post("/api/v1/exceptions/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("validUntil"));
        as("leadership", CEO)
                .body(Map.of("decision", "maybe", "note", "ok"))
                .post("/api/v1/exceptions/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("decision"));
        as("leadership", CEO)
                .body(Map.of("decision", "approve", "note", "ok"))
                .post("/api/v1/exceptions/" + UUID.randomUUID() + "/decision")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        asAdmin().get("/api/v1/exceptions/" + id).then().body("status", equalTo("requested"));
    }

    @Test
    void shouldShowEmployeesOnlyTheirOwnRequestsAndPageEveryoneElsesList() {
        String ann = unique("ann") + "@example.com";
        String ben = unique("ben") + "@example.com";
        String first = requestAs("employee", ann, nextWeek());
        String second = requestAs("employee", ann, nextWeek());
        String bens = requestAs("employee", ben, nextWeek());

        as("employee", ann)
                .get("/api/v1/exceptions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(second))
                .body("items[1].id", equalTo(first))
                .body("items.requestedBy.email", everyItem(equalTo(ann)))
                .body("next", nullValue());
        as("employee", ann)
                .queryParam("requester", ben)
                .get("/api/v1/exceptions")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("employee", ann).get("/api/v1/exceptions/" + bens).then().statusCode(404);
        as("hr-system", "hr@example.com").get("/api/v1/exceptions").then().statusCode(403);
        as("hr-system", "hr@example.com")
                .body(request("return", List.of(), nextWeek()))
                .post("/api/v1/exceptions")
                .then()
                .statusCode(403);

        // auditors see everyone's; one item per page, following next
        var page1 =
                as("auditor", "audit@example.com")
                        .queryParam("requester", ann)
                        .queryParam("status", "requested")
                        .queryParam("limit", 1)
                        .get("/api/v1/exceptions")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].id", equalTo(second))
                        .header("Link", containsString("rel=\"next\""))
                        .extract();
        String next = page1.path("next");
        as("auditor", "audit@example.com")
                .urlEncodingEnabled(false)
                .get(next)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(first))
                .body("next", nullValue());
        as("leadership", CEO)
                .get("/api/v1/exceptions/" + bens)
                .then()
                .statusCode(200)
                .body("requestedBy.email", equalTo(ben));

        for (String param : List.of("limit=0", "limit=1001", "status=open", "cursor=xyz", "x=1")) {
            asAdmin()
                    .get("/api/v1/exceptions?" + param)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo(param.substring(0, param.indexOf('='))));
        }
    }

    private static void invalidRequest(String email, Map<String, Object> body, String field) {
        as("employee", email)
                .body(body)
                .post("/api/v1/exceptions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
    }

    private static String requestAs(String role, String email, LocalDate wantedUntil) {
        return as(role, email)
                .body(request("acceptable_use", List.of(), wantedUntil))
                .post("/api/v1/exceptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> request(
            String clause, List<String> assetIds, LocalDate wantedUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("clause", clause);
        body.put("justification", "Travelling to a customer site without the docking station.");
        body.put("assetIds", assetIds);
        body.put("wantedUntil", wantedUntil.toString());
        return body;
    }

    private static List<String> types(EventTap tap, String id) {
        return tap.withKey(id).stream().map(e -> e.header("ce_type")).toList();
    }

    private static JsonNode data(EventTap tap, String id, String type) throws Exception {
        return new ObjectMapper()
                .readTree(
                        tap.withKey(id).stream()
                                .filter(e -> type.equals(e.header("ce_type")))
                                .findFirst()
                                .orElseThrow()
                                .value());
    }

    private void moveClockTo(Instant instant) {
        clock.shift(Duration.between(TestClock.now(), instant));
    }

    private static LocalDate today() {
        return TestClock.today();
    }

    private static LocalDate nextWeek() {
        return today().plusDays(7);
    }
}
