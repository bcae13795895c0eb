package io.custodian.asset.offboarding;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import io.custodian.asset.Api;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.custodian.asset.jobs.OtherReplica;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Off-boarding through the API with real tokens: the HR system starts it, check-ins, loss reports,
 * owner changes and waivers close its items, and the daily job escalates overdue returns; every
 * response is checked against the contract and every event read from Kafka.
 */
@QuarkusTest
class OffboardingTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject Escalations escalations;
    @Inject TestClock clock;

    /**
     * A last working day two weeks after the application clock's today: never overdue in a test.
     */
    private String lastDay;

    record Someone(String id, String employeeId, String email) {}

    @BeforeEach
    void publishAcceptableUse() {
        lastDay = LocalDate.now(clock).plusDays(14).toString();
        Api.publishAcceptableUse();
    }

    @Test
    void shouldStartWithAnItemForExactlyTheAssetsHeldOrOwnedAndAnnounceIt() throws Exception {
        Someone manager = person(null);
        Someone leaver = person(manager.employeeId());
        Someone colleague = person(null);
        String team = createGroup(unique("G"));
        String held = createAsset(unique("LT"), "group", team);
        hold(held, leaver);
        String owned = createAsset(unique("DB"), "person", leaver.id());
        String heldAndOwned = createAsset(unique("PH"), "person", leaver.id());
        hold(heldAndOwned, leaver);
        String colleagues = createAsset(unique("LT"), "group", team);
        hold(colleagues, colleague);

        try (EventTap tap = new EventTap()) {
            Response started = start(leaver.employeeId(), null, lastDay, unique("HR"));
            started.then()
                    .statusCode(201)
                    .header("Location", containsString("/api/v1/offboardings/"))
                    .body("status", equalTo("open"))
                    .body("source", equalTo("webhook"))
                    .body("person.email", equalTo(leaver.email()))
                    .body("person.status", equalTo("leaving"))
                    .body("manager.email", equalTo(manager.email()))
                    .body("lastWorkingDay", equalTo(lastDay))
                    .body("startedBy", equalTo("hr@example.com"))
                    .body("overdue", equalTo(false))
                    .body("items", hasSize(4))
                    .body("items.status", everyItem(equalTo("pending")))
                    .body(
                            "items.findAll { it.kind == 'return' }.asset.id",
                            containsInAnyOrder(held, heldAndOwned))
                    .body(
                            "items.findAll { it.kind == 'ownership_transfer' }.asset.id",
                            containsInAnyOrder(owned, heldAndOwned));
            String id = started.path("id");

            asAdmin()
                    .get("/api/v1/people/" + leaver.id())
                    .then()
                    .body("status", equalTo("leaving"));
            JsonNode event = event(tap, id, "offboarding.started");
            assertThat(event.at("/person/email").asText()).isEqualTo(leaver.email());
            assertThat(event.at("/manager/email").asText()).isEqualTo(manager.email());
            assertThat(event.at("/lastWorkingDay").asText()).isEqualTo(lastDay);
            List<String> tags = new ArrayList<>();
            event.get("items")
                    .forEach(
                            i ->
                                    tags.add(
                                            i.get("kind").asText()
                                                    + ":"
                                                    + i.get("assetId").asText()));
            assertThat(tags)
                    .containsExactlyInAnyOrder(
                            "return:" + held,
                            "return:" + heldAndOwned,
                            "ownership_transfer:" + owned,
                            "ownership_transfer:" + heldAndOwned);
        }
    }

    @Test
    void shouldAnswerAReplayWithTheSameOffboardingAndAConflictingOneWith409() {
        Someone leaver = person(null);
        hold(createAsset(unique("LT"), "group", createGroup(unique("G"))), leaver);
        String reference = unique("HR");

        String id =
                start(null, leaver.email(), lastDay, reference)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        start(leaver.employeeId(), null, lastDay, reference)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("reference", equalTo(reference));
        start(leaver.employeeId(), null, dayAfter(lastDay, 1), reference)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("reference"));
        assertThat(
                        QuarkusTransaction.requiringNew()
                                .call(() -> Offboarding.count("reference", reference)))
                .isEqualTo(1);
        // another reference while this one is open: the same last day is the same off-boarding
        start(leaver.employeeId(), null, lastDay, unique("HR"))
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        start(leaver.employeeId(), null, dayAfter(lastDay, 21), unique("HR"))
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("lastWorkingDay"));
    }

    @Test
    void shouldBeIdempotentByIdempotencyKeyWithoutAReference() {
        Someone leaver = person(null);
        String key = unique("key");
        Map<String, Object> body =
                Map.of("person", Map.of("email", leaver.email()), "lastWorkingDay", lastDay);
        String id =
                as("hr-system", "hr@example.com")
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/api/v1/offboardings")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        as("hr-system", "hr@example.com")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/offboardings")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        as("hr-system", "hr@example.com")
                .body(body)
                .post("/api/v1/offboardings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reference"));
    }

    @Test
    void shouldRefuseAnUnknownPersonNamingTheField() {
        start("E-nobody-" + unique("x"), null, lastDay, unique("HR"))
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("person.employeeId"));
        start(null, unique("nobody") + "@example.com", lastDay, unique("HR"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("person.email"));
        start(null, null, lastDay, unique("HR"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("person"));
        as("employee", "e@example.com")
                .body(
                        Map.of(
                                "person",
                                Map.of("email", "e@example.com"),
                                "lastWorkingDay",
                                lastDay,
                                "reference",
                                "x"))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldCloseItemsByCheckInLossAndOwnerChangeAndCompleteWithTheLast() throws Exception {
        Someone manager = person(null);
        Someone leaver = person(manager.employeeId());
        String team = createGroup(unique("G"));
        String laptop = createAsset(unique("LT"), "group", team);
        hold(laptop, leaver);
        String phone = createAsset(unique("PH"), "group", team);
        hold(phone, leaver);
        String database = createAsset(unique("DB"), "person", leaver.id());

        try (EventTap tap = new EventTap()) {
            String id =
                    start(leaver.employeeId(), null, lastDay, unique("HR"))
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");

            asAdmin()
                    .header("If-Match", etag(laptop))
                    .body(Map.of("condition", "Scratch on the lid"))
                    .post("/api/v1/assets/" + laptop + "/checkin")
                    .then()
                    .statusCode(200);
            as("employee", leaver.email())
                    .get("/api/v1/offboardings/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("open"))
                    .body(
                            "items.find { it.asset.id == '" + laptop + "' }.status",
                            equalTo("returned"))
                    .body(
                            "items.find { it.asset.id == '" + laptop + "' }.condition",
                            equalTo("Scratch on the lid"))
                    .body(
                            "items.find { it.asset.id == '" + laptop + "' }.closedBy",
                            equalTo("it@example.com"));

            as("employee", leaver.email())
                    .body(
                            Map.of(
                                    "assetId",
                                    phone,
                                    "kind",
                                    "lost",
                                    "occurredAt",
                                    TestClock.now().minusSeconds(3600).toString()))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);
            asAdmin()
                    .get("/api/v1/offboardings/" + id)
                    .then()
                    .body("items.find { it.asset.id == '" + phone + "' }.status", equalTo("lost"))
                    .body("status", equalTo("open"));

            // handing it back to the leaver is no transfer
            changeOwner(database, "person", leaver.id());
            asAdmin()
                    .get("/api/v1/offboardings/" + id)
                    .then()
                    .body(
                            "items.find { it.asset.id == '" + database + "' }.status",
                            equalTo("pending"));
            changeOwner(database, "person", manager.id());

            asAdmin()
                    .get("/api/v1/offboardings/" + id)
                    .then()
                    .body("status", equalTo("completed"))
                    .body("completedAt", notNullValue())
                    .body("person.status", equalTo("departed"))
                    .body(
                            "items.find { it.asset.id == '" + database + "' }.status",
                            equalTo("transferred"));
            asAdmin()
                    .get("/api/v1/people/" + leaver.id())
                    .then()
                    .body("status", equalTo("departed"));
            JsonNode completed = event(tap, id, "offboarding.completed");
            assertThat(completed.at("/person/email").asText()).isEqualTo(leaver.email());
            List<String> outcomes = new ArrayList<>();
            completed.get("items").forEach(i -> outcomes.add(i.get("status").asText()));
            assertThat(outcomes).containsExactlyInAnyOrder("returned", "lost", "transferred");
        }
    }

    @Test
    void shouldLetOnlyLeadershipWaiveAnItemWithAReason() {
        Someone leaver = person(null);
        String laptop = createAsset(unique("LT"), "group", createGroup(unique("G")));
        hold(laptop, leaver);
        Response started = start(leaver.employeeId(), null, lastDay, unique("HR"));
        String id = started.path("id");
        String item = started.path("items[0].id");
        String waiver = "/api/v1/offboardings/" + id + "/items/" + item + "/waiver";
        Map<String, String> reason = Map.of("reason", "Kept as agreed in the settlement");

        asAdmin().body(reason).post(waiver).then().statusCode(403);
        as("hr-system", "hr@example.com").body(reason).post(waiver).then().statusCode(403);
        as("employee", leaver.email()).body(reason).post(waiver).then().statusCode(403);
        as("leadership", "ceo@example.com")
                .body(Map.of("reason", " "))
                .post(waiver)
                .then()
                .statusCode(422)
                .body("errors[0].field", containsString("reason"));
        as("leadership", "ceo@example.com")
                .body(reason)
                .post("/api/v1/offboardings/" + id + "/items/" + id + "/waiver")
                .then()
                .statusCode(404);

        as("leadership", "ceo@example.com")
                .body(reason)
                .post(waiver)
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("waived"))
                .body("items[0].waiverReason", equalTo("Kept as agreed in the settlement"))
                .body("items[0].closedBy", equalTo("ceo@example.com"))
                .body("status", equalTo("completed"))
                .body("person.status", equalTo("departed"));
        as("leadership", "ceo@example.com").body(reason).post(waiver).then().statusCode(409);
    }

    @Test
    void shouldEscalateOverdueReturnsOncePerDay() throws Exception {
        LocalDate today = TestClock.today();
        Someone late = person(null);
        hold(createAsset(unique("LT"), "group", createGroup(unique("G"))), late);
        String overdue =
                start(late.employeeId(), null, today.minusDays(10).toString(), unique("HR"))
                        .then()
                        .statusCode(201)
                        .body("overdue", equalTo(true))
                        .extract()
                        .path("id");
        Someone inTime = person(null);
        hold(createAsset(unique("LT"), "group", createGroup(unique("G"))), inTime);
        String notYet =
                start(inTime.employeeId(), null, today.minusDays(2).toString(), unique("HR"))
                        .then()
                        .statusCode(201)
                        .body("overdue", equalTo(false))
                        .extract()
                        .path("id");
        as("auditor", "audit@example.com")
                .get("/api/v1/offboardings?overdue=true&limit=1000")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(overdue))
                .body("items.id", not(hasItem(notYet)));
        as("auditor", "audit@example.com")
                .get("/api/v1/offboardings?overdue=false&status=open&limit=1000")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(notYet))
                .body("items.id", not(hasItem(overdue)))
                .body("items.status", everyItem(equalTo("open")));

        try (EventTap tap = new EventTap()) {
            escalations.escalateDaily();
            escalations.escalateDaily();
            JsonNode first = event(tap, overdue, "offboarding.return-overdue");
            assertThat(first.get("escalatedOn").asText()).isEqualTo(today.toString());
            assertThat(first.get("daysOverdue").asLong()).isEqualTo(10);
            assertThat(first.at("/pendingReturns/0/kind").asText()).isEqualTo("return");

            clock.shift(Duration.ofDays(1));
            try {
                escalations.escalateDaily();
                escalations.escalateDaily();
            } finally {
                clock.reset();
            }
            assertThat(tap.settled(overdue, "offboarding.return-overdue")).hasSize(2);
            // three days after the last working day are still within the grace period
            assertThat(tap.settled(notYet, "offboarding.return-overdue")).isEmpty();
        }
        asAdmin()
                .get("/api/v1/offboardings/" + overdue)
                .then()
                .body("lastEscalatedOn", equalTo(today.plusDays(1).toString()));
    }

    @Test
    void shouldEscalateOnceWhenTheReplicaRunningTheJobDiesMidway() throws Exception {
        LocalDate today = TestClock.today();
        Someone late = person(null);
        hold(createAsset(unique("LT"), "group", createGroup(unique("G"))), late);
        String overdue =
                start(late.employeeId(), null, today.minusDays(10).toString(), unique("HR"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        try (EventTap tap = new EventTap();
                OtherReplica other = OtherReplica.running("offboarding-escalations")) {
            CompletableFuture<Void> here = CompletableFuture.runAsync(escalations::escalateDaily);
            Thread.sleep(1000);
            assertThat(here).as("waits for the replica running the job").isNotDone();

            other.dies();
            here.get(30, TimeUnit.SECONDS);
            // a third replica whose turn comes after: the day's escalation is sent
            escalations.escalateDaily();
            assertThat(tap.settled(overdue, "offboarding.return-overdue")).hasSize(1);
        }
    }

    @Test
    void shouldShowEmployeesOnlyTheirOwnOffboarding() {
        Someone leaver = person(null);
        Someone other = person(null);
        // a return item keeps the off-boarding open: a leaver with nothing to return departs at
        // once, and a departed person is refused everywhere (security/DepartedPersonTest)
        hold(createAsset(unique("LT"), "group", createGroup(unique("G"))), leaver);
        String id =
                start(leaver.employeeId(), null, lastDay, unique("HR"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        as("employee", leaver.email()).get("/api/v1/offboardings/" + id).then().statusCode(200);
        as("employee", leaver.email())
                .get("/api/v1/offboardings")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as("employee", other.email())
                .get("/api/v1/offboardings/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("employee", other.email())
                .get("/api/v1/offboardings")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("hr-system", "hr@example.com").get("/api/v1/offboardings/" + id).then().statusCode(200);
    }

    @Test
    void shouldKeepTheHrSystemOutOfAssetsAndIncidents() {
        Someone holder = person(null);
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        hold(asset, holder);
        String incident =
                asAdmin()
                        .body(
                                Map.of(
                                        "assetId",
                                        asset,
                                        "kind",
                                        "stolen",
                                        "occurredAt",
                                        TestClock.now().minusSeconds(60).toString()))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        var hr = as("hr-system", "hr@example.com");
        hr.get("/api/v1/assets").then().statusCode(403).contentType(PROBLEM);
        as("hr-system", "hr@example.com").get("/api/v1/assets/" + asset).then().statusCode(403);
        as("hr-system", "hr@example.com")
                .get("/api/v1/assets/" + asset + "/history")
                .then()
                .statusCode(403);
        as("hr-system", "hr@example.com").get("/api/v1/me/assets").then().statusCode(403);
        as("hr-system", "hr@example.com")
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(403);
        as("hr-system", "hr@example.com")
                .body(
                        Map.of(
                                "assetId",
                                asset,
                                "kind",
                                "lost",
                                "occurredAt",
                                TestClock.now().toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(403);
        as("hr-system", "hr@example.com")
                .get("/api/v1/reports/leavers-with-assets")
                .then()
                .statusCode(403);
        as("hr-system", "hr@example.com").get("/api/v1/offboardings").then().statusCode(200);
    }

    @Test
    void shouldPageNewestFirstAndFilterByStatus() {
        Someone a = person(null);
        Someone b = person(null);
        String first =
                start(a.employeeId(), null, lastDay, unique("HR"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String second =
                start(b.employeeId(), null, lastDay, unique("HR"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        // nothing to return: completed at once
        Response page1 =
                as("hr-system", "hr@example.com")
                        .get("/api/v1/offboardings?status=completed&limit=1");
        page1.then()
                .statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(second))
                .body("items[0].status", equalTo("completed"));
        String next = page1.path("next");
        as("hr-system", "hr@example.com")
                .get(next)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(first));
        as("hr-system", "hr@example.com")
                .get("/api/v1/offboardings?status=closed")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("hr-system", "hr@example.com")
                .get("/api/v1/offboardings?cursor=nonsense")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("hr-system", "hr@example.com")
                .get("/api/v1/offboardings?sort=name")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void shouldReportLeaversWhoStillHoldOrOwnAssets() {
        Someone leaver = person(null);
        Someone stayer = person(null);
        String laptop = createAsset(unique("LT"), "group", createGroup(unique("G")));
        hold(laptop, leaver);
        String database = createAsset(unique("DB"), "person", leaver.id());
        createAsset(unique("DB"), "person", stayer.id());
        start(leaver.employeeId(), null, lastDay, unique("HR")).then().statusCode(201);

        as("auditor", "audit@example.com")
                .get("/api/v1/reports/leavers-with-assets")
                .then()
                .statusCode(200)
                .body("items.person.email", hasItem(leaver.email()))
                .body("items.person.email", not(hasItem(stayer.email())))
                .body(
                        "items.find { it.person.email == '" + leaver.email() + "' }.holds.id",
                        equalTo(List.of(laptop)))
                .body(
                        "items.find { it.person.email == '" + leaver.email() + "' }.owns.id",
                        equalTo(List.of(database)))
                .body(
                        "items.find { it.person.email == '" + leaver.email() + "' }.person.status",
                        equalTo("leaving"));
        as("employee", leaver.email())
                .get("/api/v1/reports/leavers-with-assets")
                .then()
                .statusCode(403);
    }

    // --- helpers ------------------------------------------------------------------------------

    private static Response start(
            String employeeId, String email, String lastDay, String reference) {
        Map<String, Object> person = new java.util.HashMap<>();
        if (employeeId != null) {
            person.put("employeeId", employeeId);
        }
        if (email != null) {
            person.put("email", email);
        }
        return as("hr-system", "hr@example.com")
                .body(Map.of("person", person, "lastWorkingDay", lastDay, "reference", reference))
                .post("/api/v1/offboardings");
    }

    /** A person as the HR system syncs them, optionally with a manager. */
    private static Someone person(String managerEmployeeId) {
        String employeeId = unique("E");
        String email = unique("p").toLowerCase() + "@example.com";
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("email", email);
        body.put("displayName", "Person " + employeeId);
        if (managerEmployeeId != null) {
            body.put("managerEmployeeId", managerEmployeeId);
        }
        String id =
                as("hr-system", "hr@example.com")
                        .body(body)
                        .put("/api/v1/people/by-employee-id/" + employeeId)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return new Someone(id, employeeId, email);
    }

    private static void hold(String asset, Someone person) {
        Api.hold(asset, person.id(), person.email());
    }

    private static void changeOwner(String asset, String type, String id) {
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("type", type, "id", id))
                .put("/api/v1/assets/" + asset + "/owner")
                .then()
                .statusCode(200)
                .body("owner.id", equalTo(id))
                .body("holder", nullValue());
    }

    private static List<EventTap.Event> events(EventTap tap, String key, String type) {
        return tap.withKey(key).stream().filter(e -> type.equals(e.header("ce_type"))).toList();
    }

    /** The one event of this type with this key, once it arrived. */
    private static JsonNode event(EventTap tap, String key, String type) throws Exception {
        EventTap.Event event = tap.only(key, type);
        assertThat(event.header("ce_subject")).isEqualTo("offboardings/" + key);
        return JSON.readTree(event.value());
    }

    private static String dayAfter(String day, int days) {
        return LocalDate.parse(day).plusDays(days).toString();
    }
}
