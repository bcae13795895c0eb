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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ViolationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CEO = "ceo@example.com";

    @Test
    void shouldReportAViolationNamingPersonAndAssetAndPublishTheEvent() throws Exception {
        String person = unique("eve") + "@example.com";
        String personId = createPerson(person);
        String tag = unique("LT");
        String asset = createAsset(tag, "person", personId);
        String reporter = unique("rob") + "@example.com";
        Instant occurred =
                TestClock.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        try (EventTap tap = new EventTap()) {
            Map<String, Object> body = report("Laptop left unlocked in the café.");
            body.put("clause", "handling");
            body.put("occurredAt", occurred.toString());
            body.put("personEmail", person.toUpperCase());
            body.put("assetTag", tag);
            var response =
                    as("employee", reporter)
                            .body(body)
                            .post("/api/v1/violations")
                            .then()
                            .statusCode(201)
                            .contentType("application/json")
                            .body("status", equalTo("reported"))
                            .body("clause", equalTo("handling"))
                            .body("personReference", equalTo(person.toUpperCase()))
                            .body("assetReference", equalTo(tag))
                            // the employee sees what they sent, nothing of the register
                            .body("person", nullValue())
                            .body("asset", nullValue())
                            .body("reportedBy.email", equalTo(reporter))
                            .body("reportedAt", notNullValue())
                            .extract();
            String id = response.path("id");
            // leadership sees what the references matched
            as("leadership", CEO)
                    .get("/api/v1/violations/" + id)
                    .then()
                    .statusCode(200)
                    .body("person.id", equalTo(personId))
                    .body("person.email", equalTo(person))
                    .body("asset.assetTag", equalTo(tag));
            assertThat(response.header("Location")).endsWith("/api/v1/violations/" + id);

            await().atMost(Duration.ofSeconds(10)).until(() -> !tap.withKey(id).isEmpty());
            List<EventTap.Event> events = tap.settled(id);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).header("ce_type")).isEqualTo("policy.violation.reported");
            assertThat(events.get(0).header("ce_subject")).isEqualTo("violations/" + id);
            JsonNode data = new ObjectMapper().readTree(events.get(0).value());
            assertThat(data.get("description").asText())
                    .isEqualTo("Laptop left unlocked in the café.");
            assertThat(data.at("/person/email").asText()).isEqualTo(person);
            assertThat(data.at("/person/name").asText()).isEqualTo("Ada Lovelace");
            assertThat(data.at("/asset/id").asText()).isEqualTo(asset);
            assertThat(data.at("/reporter/email").asText()).isEqualTo(reporter);
            assertThat(Instant.parse(data.get("occurredAt").asText())).isEqualTo(occurred);
        }
    }

    @Test
    void shouldLetOnlyLeadershipAcknowledgeAndThenCloseWithAnOutcome() throws Exception {
        String reporter = unique("rob") + "@example.com";
        String id = reportAs("employee", reporter, report("Shared a password by chat."));

        try (EventTap tap = new EventTap()) {
            for (String role : List.of("employee", "asset-admin", "auditor", "hr-system")) {
                as(role, unique("x") + "@example.com")
                        .body(Map.of())
                        .post("/api/v1/violations/" + id + "/acknowledgement")
                        .then()
                        .statusCode(403)
                        .contentType(PROBLEM);
                as(role, unique("x") + "@example.com")
                        .body(Map.of("outcome", "Done"))
                        .post("/api/v1/violations/" + id + "/closure")
                        .then()
                        .statusCode(403);
            }
            as("leadership", CEO)
                    .body(Map.of("outcome", "Done"))
                    .post("/api/v1/violations/" + id + "/closure")
                    .then()
                    .statusCode(409)
                    .contentType(PROBLEM)
                    .body("detail", containsString("Acknowledge"));

            as("leadership", CEO)
                    .body(Map.of("note", "On it"))
                    .post("/api/v1/violations/" + id + "/acknowledgement")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("acknowledged"))
                    .body("acknowledgedBy.email", equalTo(CEO))
                    .body("acknowledgementNote", equalTo("On it"));
            as("leadership", "cto@example.com")
                    .body(Map.of())
                    .post("/api/v1/violations/" + id + "/acknowledgement")
                    .then()
                    .statusCode(409);
            as("leadership", CEO)
                    .body(Map.of("outcome", " "))
                    .post("/api/v1/violations/" + id + "/closure")
                    .then()
                    .statusCode(422)
                    .body("errors[0].field", equalTo("outcome"));
            as("leadership", CEO)
                    .body(Map.of("outcome", "Password rotated; reminder sent to the team."))
                    .post("/api/v1/violations/" + id + "/closure")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("closed"))
                    .body("closedBy.email", equalTo(CEO))
                    .body("outcome", equalTo("Password rotated; reminder sent to the team."));
            as("leadership", CEO)
                    .body(Map.of("outcome", "Again"))
                    .post("/api/v1/violations/" + id + "/closure")
                    .then()
                    .statusCode(409);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> types(tap, id).contains("policy.violation.closed"));
            assertThat(tap.settled(id))
                    .extracting(EventTap.Event::type)
                    .containsExactly(
                            "policy.violation.reported",
                            "policy.violation.acknowledged",
                            "policy.violation.closed");
            JsonNode closed =
                    new ObjectMapper()
                            .readTree(
                                    tap.withKey(id).stream()
                                            .filter(
                                                    e ->
                                                            "policy.violation.closed"
                                                                    .equals(e.header("ce_type")))
                                            .findFirst()
                                            .orElseThrow()
                                            .value());
            assertThat(closed.at("/reporter/email").asText()).isEqualTo(reporter);
            assertThat(closed.get("outcome").asText()).startsWith("Password rotated");
        }
        as("employee", reporter)
                .get("/api/v1/violations/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"));
    }

    @Test
    void shouldKeepALeaderFromHandlingAReportAboutThemselves() {
        String leader = unique("boss") + "@example.com";
        createPerson(leader);
        Map<String, Object> body = report("Took a restricted laptop on holiday.");
        body.put("personEmail", leader);
        String id = reportAs("employee", unique("rob") + "@example.com", body);

        as("leadership", leader)
                .body(Map.of())
                .post("/api/v1/violations/" + id + "/acknowledgement")
                .then()
                .statusCode(403)
                .body("detail", containsString("about you"));
        as("leadership", CEO)
                .body(Map.of())
                .post("/api/v1/violations/" + id + "/acknowledgement")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAnswerAnEmployeeAlikeForObjectsThatExistAndOnesThatDoNot() {
        String person = unique("zoe") + "@example.com";
        String personId = createPerson(person);
        String tag = unique("LT");
        String assetId = createAsset(tag, "person", personId);
        String reporter = unique("rob") + "@example.com";
        String missingTag = unique("LT");
        String missingEmail = unique("nobody") + "@example.com";
        String missingId = UUID.randomUUID().toString();

        String[][] pairs = {
            {"assetTag", tag, missingTag},
            {"assetId", assetId, missingId},
            {"personEmail", person, missingEmail},
            {"personId", personId, missingId}
        };
        for (String[] pair : pairs) {
            String existing = accepted(reporter, pair[0], pair[1]);
            String missing = accepted(reporter, pair[0], pair[2]);
            // nothing of the register: neither the asset's name or classification nor the
            // person's name, and the two answers differ only in what was sent and what the
            // server assigned (id, time)
            assertThat(existing).doesNotContain("Ada Lovelace", "classification", "\"name\"");
            assertThat(normalized(existing).replace(pair[1], "REF"))
                    .as(pair[0])
                    .isEqualTo(normalized(missing).replace(pair[2], "REF"));
        }
        // leadership sees that a reference matched nothing: the reference without an object
        String id =
                as("employee", reporter)
                        .body(with("assetTag", missingTag))
                        .post("/api/v1/violations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        as("leadership", CEO)
                .get("/api/v1/violations/" + id)
                .then()
                .statusCode(200)
                .body("assetReference", equalTo(missingTag))
                .body("asset", nullValue());
    }

    @Test
    void shouldTellLeadershipWhatAReportNamedThatMatchesNothing() throws Exception {
        String person = unique("zoe") + "@example.com";
        String tag = unique("LT");
        createAsset(tag, "person", createPerson(person));
        String missingTag = unique("LT");
        String missingEmail = unique("nobody") + "@example.com";
        Map<String, Object> body = new java.util.HashMap<>(with("assetTag", missingTag));
        body.put("personEmail", person);
        Map<String, Object> other = new java.util.HashMap<>(with("assetTag", tag));
        other.put("personEmail", missingEmail);

        try (EventTap tap = new EventTap()) {
            for (Map<String, Object> report : List.of(body, other)) {
                String id =
                        as("employee", unique("rob") + "@example.com")
                                .body(report)
                                .post("/api/v1/violations")
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("id");
                JsonNode data =
                        new ObjectMapper()
                                .readTree(tap.only(id, "policy.violation.reported").value());
                if (report == body) {
                    // the unknown tag as written, the known person resolved
                    assertThat(data.get("assetReference").asText()).isEqualTo(missingTag);
                    assertThat(data.has("asset")).isFalse();
                    assertThat(data.at("/person/email").asText()).isEqualTo(person);
                    assertThat(data.has("personReference")).isFalse();
                } else {
                    assertThat(data.get("personReference").asText()).isEqualTo(missingEmail);
                    assertThat(data.has("person")).isFalse();
                    assertThat(data.at("/asset/assetTag").asText()).isEqualTo(tag);
                    assertThat(data.has("assetReference")).isFalse();
                }
            }
        }
    }

    /** The 201 answer to an employee's report naming {@code field}. */
    private static String accepted(String reporter, String field, String value) {
        return as("employee", reporter)
                .body(with(field, value))
                .post("/api/v1/violations")
                .then()
                .statusCode(201)
                .contentType("application/json")
                .extract()
                .asString();
    }

    /** An answer without what the server assigned to the report: its id and its time. */
    private static String normalized(String answer) {
        return answer.replaceAll("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"ID\"")
                .replaceAll("\"reportedAt\":\"[^\"]+\"", "\"reportedAt\":\"AT\"");
    }

    @Test
    void shouldNameTheFieldsOfAnInvalidReport() {
        String personId = createPerson(unique("fay") + "@example.com");
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));

        invalid(new HashMap<>(), "description");
        invalid(report(" "), "description");
        invalid(with("personId", UUID.randomUUID().toString()), "personId");
        invalid(with("personEmail", "nobody-" + UUID.randomUUID() + "@example.com"), "personEmail");
        invalid(with("personEmail", "not an e-mail"), "personEmail");
        invalid(with("assetId", UUID.randomUUID().toString()), "assetId");
        invalid(with("assetTag", "NO-SUCH-TAG"), "assetTag");
        invalid(with("clause", "coffee"), "clause");
        invalid(
                with("occurredAt", TestClock.now().plus(1, ChronoUnit.DAYS).toString()),
                "occurredAt");
        Map<String, Object> both = with("personId", personId);
        both.put("personEmail", "fay@example.com");
        invalid(both, "personEmail");
        Map<String, Object> twoAssets = with("assetId", asset);
        twoAssets.put("assetTag", "LT-1");
        invalid(twoAssets, "assetTag");
        // the reporter is the caller: a body naming one is malformed
        as("employee", "rob@example.com")
                .body(with("reporter", "someone@example.com"))
                .post("/api/v1/violations")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("reporter"));
    }

    @Test
    void shouldShowEmployeesOnlyWhatTheyReported() {
        String ann = unique("ann") + "@example.com";
        String ben = unique("ben") + "@example.com";
        createPerson(ann);
        String anns = reportAs("employee", ann, report("Tailgating at the door."));
        Map<String, Object> aboutAnn = report("Ann's screen was unlocked.");
        aboutAnn.put("personEmail", ann);
        String bens = reportAs("employee", ben, aboutAnn);

        as("employee", ann)
                .get("/api/v1/violations")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(anns))
                .body("items.reportedBy.email", everyItem(equalTo(ann)));
        // the person a report is about does not see it, nor who made it
        as("employee", ann).get("/api/v1/violations/" + bens).then().statusCode(404);
        as("auditor", "audit@example.com")
                .get("/api/v1/violations/" + bens)
                .then()
                .statusCode(200)
                .body("reportedBy.email", equalTo(ben));
        as("auditor", "audit@example.com")
                .queryParam("reporter", ben)
                .queryParam("status", "reported")
                .get("/api/v1/violations")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(bens))
                .body("next", nullValue());
        asAdmin()
                .queryParam("status", "acknowledged")
                .get("/api/v1/violations")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(anns)));
        as("hr-system", "hr@example.com").get("/api/v1/violations").then().statusCode(403);
        as("hr-system", "hr@example.com")
                .body(report("x"))
                .post("/api/v1/violations")
                .then()
                .statusCode(403);
        asAdmin()
                .get("/api/v1/violations?status=open")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    /** Refused as a caller who reads the register (an unknown reference is theirs to fix). */
    private static void invalid(Map<String, Object> body, String field) {
        as("asset-admin", "rob@example.com")
                .body(body)
                .post("/api/v1/violations")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = report("Something happened.");
        body.put(field, value);
        return body;
    }

    private static String reportAs(String role, String email, Map<String, Object> body) {
        return as(role, email)
                .body(body)
                .post("/api/v1/violations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> report(String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", description);
        return body;
    }

    private static List<String> types(EventTap tap, String id) {
        return tap.withKey(id).stream().map(e -> e.header("ce_type")).toList();
    }
}
