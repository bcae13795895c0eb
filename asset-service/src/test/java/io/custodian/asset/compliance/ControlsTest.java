package io.custodian.asset.compliance;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.TestClock.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.asset.Api;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's controls, each with seeded data through the API: it passes, then each of its rules
 * broken once makes it fail with exactly that item and reason. The database is shared with every
 * other test, so each test narrows its controls to a group of its own ({@code group=}).
 */
@QuarkusTest
class ControlsTest {

    private static final String AUDITOR = "auditor@example.com";

    @Inject TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldCheckTheInventoryOwnerActiveAndVerifiedWithinCadence() {
        String team = createGroup(unique("Team"));
        String memberEmail = unique("m") + "@example.com";
        String member = member(team, memberEmail);
        String ownerEmail = unique("o") + "@example.com";
        String owner = member(team, ownerEmail);
        String groupAsset = asset(unique("A"), "group", team);
        String personAsset = asset(unique("B"), "person", owner);

        JsonPath passing = control("A.5.9", team);
        assertThat(passing.getString("status")).isEqualTo("passing");
        assertThat(passing.getLong("population")).isEqualTo(2);
        assertThat(passing.getLong("passing")).isEqualTo(2);
        assertThat(passing.getList("failingItems")).isEmpty();

        // the personal owner leaves
        Api.offboard(ownerEmail);
        JsonPath leaving = control("A.5.9", team);
        assertThat(leaving.getString("status")).isEqualTo("failing");
        assertFailing(leaving, personAsset, "owner " + ownerEmail + " is leaving");
        asAdmin()
                .header("If-Match", etag(personAsset))
                .body(Map.of("type", "group", "id", team))
                .put("/api/v1/assets/" + personAsset + "/owner")
                .then()
                .statusCode(200);
        assertThat(control("A.5.9", team).getString("status")).isEqualTo("passing");

        // a group owner without an active member
        String empty = createGroup(unique("Empty"));
        String orphan = asset(unique("C"), "group", empty);
        JsonPath noMember = control("A.5.9", empty);
        assertFailing(noMember, orphan, "owner group " + name(empty) + " has no active member");
        member(empty, unique("n") + "@example.com");
        assertThat(control("A.5.9", empty).getString("status")).isEqualTo("passing");

        // verification overdue: 91 days on, one of the team's assets attested, the other not
        clock.shift(Duration.ofDays(91));
        asAdmin()
                .body(Map.of("note", "seen"))
                .post("/api/v1/assets/" + personAsset + "/verifications")
                .then()
                .statusCode(200);
        String due =
                asAdmin()
                        .get("/api/v1/assets/" + groupAsset)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("nextVerificationDue");
        JsonPath overdue = control("A.5.9", team);
        assertFailing(overdue, groupAsset, "verification overdue since " + due.substring(0, 10));
        assertThat(member).isNotBlank();
    }

    @Test
    void shouldListAnUnregisteredDeviceOfThePostureFeedAsFailingUntilItIsRegistered() {
        String serial = "0000-" + unique("U");
        as("mdm-sync", "mdm@example.com")
                .body(
                        Map.of(
                                "batchId",
                                unique("fleet"),
                                "reports",
                                List.of(report(serial, true, true, true))))
                .post("/api/v1/posture-reports")
                .then()
                .statusCode(200);

        JsonPath control = controlWith("A.5.9", "?limit=1000");
        assertThat(control.getString("status")).isEqualTo("failing");
        Map<String, Object> item = item(control, serial);
        assertThat(item).containsEntry("type", "unregistered-device");
        assertThat(item.get("reasons"))
                .isEqualTo(List.of("unregistered device: reported by fleet, not in the register"));
        assertThat((String) item.get("link")).contains(serial);

        asset(unique("R"), Map.of("serialNumber", serial));
        assertThat(item(controlWith("A.5.9", "?limit=1000"), serial)).isNull();
    }

    @Test
    void shouldCheckThatEveryActivePersonAcknowledgedTheCurrentRulesInTime() {
        String version = Api.publishAcceptableUse();
        String team = createGroup(unique("Team"));
        String readerEmail = unique("r") + "@example.com";
        member(team, readerEmail);
        String laggardEmail = unique("l") + "@example.com";
        String laggard = member(team, laggardEmail);
        as("employee", readerEmail)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);

        // not yet due: passing
        JsonPath passing = control("A.5.10", team);
        assertThat(passing.getString("status")).isEqualTo("passing");
        assertThat(passing.getLong("population")).isEqualTo(2);
        assertThat(passing.getString("rule")).contains("within 14 days");

        clock.shift(Duration.ofDays(15));
        String dueOn = today().plusDays(14).toString();
        JsonPath missing = control("A.5.10", team);
        assertFailing(
                missing, laggard, "has not acknowledged version " + version + ", due on " + dueOn);
        assertThat(missing.getLong("passing")).isEqualTo(1);

        // acknowledged after all, but late
        as("employee", laggardEmail)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);
        assertFailing(
                control("A.5.10", team),
                laggard,
                "acknowledged version "
                        + version
                        + " on "
                        + today().plusDays(15)
                        + ", after it was due on "
                        + dueOn);
    }

    @Test
    void shouldCheckThatLeaversReturnedAndHandedOverInTime() {
        String team = createGroup(unique("Team"));
        String leaverEmail = unique("leaver") + "@example.com";
        String leaver = member(team, leaverEmail);
        Api.publishAcceptableUse();
        String held = asset(unique("H"), "group", team);
        Api.hold(held, leaver, leaverEmail);
        String owned = asset(unique("O"), "person", leaver);
        String ownedTag = tag(owned);
        String heldTag = tag(held);
        String offboarding = Api.offboard(leaverEmail).getString("id");
        LocalDate deadline = today().plusDays(14 + 3);

        assertThat(control("A.5.11", team).getString("status")).isEqualTo("passing");
        assertThat(control("A.5.11", team).getLong("population")).isEqualTo(1);
        assertThat(control("A.6.5", team).getString("status")).isEqualTo("passing");

        // past the last working day and the grace: the return and the transfer are late
        clock.shift(Duration.ofDays(18));
        assertFailing(
                control("A.5.11", team),
                offboarding,
                "return of " + heldTag + " still open, due by " + deadline);
        assertFailing(
                control("A.6.5", team),
                offboarding,
                "ownership of " + ownedTag + " not transferred by " + deadline);

        // both done in time: passing, also once the deadline is past
        clock.reset();
        asAdmin()
                .header("If-Match", etag(held))
                .body(Map.of("condition", "fine"))
                .post("/api/v1/assets/" + held + "/checkin")
                .then()
                .statusCode(200);
        asAdmin()
                .header("If-Match", etag(owned))
                .body(Map.of("type", "group", "id", team))
                .put("/api/v1/assets/" + owned + "/owner")
                .then()
                .statusCode(200);
        clock.shift(Duration.ofDays(18));
        assertThat(control("A.5.11", team).getString("status")).isEqualTo("passing");
        assertThat(control("A.6.5", team).getString("status")).isEqualTo("passing");

        // an off-boarding started after the leaver's last working day
        clock.reset();
        String late = createGroup(unique("Team"));
        String lateEmail = unique("late") + "@example.com";
        member(late, lateEmail);
        LocalDate lastDay = today().minusDays(5);
        String lateOffboarding =
                as("hr-system", "hr@example.com")
                        .body(
                                Map.of(
                                        "person", Map.of("email", lateEmail),
                                        "lastWorkingDay", lastDay.toString(),
                                        "reference", unique("HR")))
                        .post("/api/v1/offboardings")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        assertFailing(
                control("A.6.5", late),
                lateOffboarding,
                "started on " + today() + ", after the last working day " + lastDay);
        assertThat(control("A.5.11", late).getString("status")).isEqualTo("passing");

        // the period: leavers whose last working day fell in it
        JsonPath before =
                controlWith(
                        "A.6.5", "?group=" + late + "&from=2000-01-01&to=" + lastDay.minusDays(1));
        assertThat(before.getLong("population")).isZero();
        assertThat(before.getString("period.to")).isEqualTo(lastDay.minusDays(1).toString());
    }

    @Test
    void shouldCheckEveryEndpointInUseAndListAnExceptedOneWithItsException() {
        Api.publishAcceptableUse();
        String team = createGroup(unique("Team"));
        String holderEmail = unique("h") + "@example.com";
        String holder = member(team, holderEmail);
        List<String> serials = List.of(unique("S1"), unique("S2"), unique("S3"));
        List<String> devices = new ArrayList<>();
        for (String serial : serials) {
            String device = asset(unique("D"), Map.of("serialNumber", serial));
            Api.hold(device, holder, holderEmail);
            devices.add(device);
        }

        JsonPath unknown = control("A.8.1", team);
        assertThat(unknown.getLong("failing")).isEqualTo(3);
        assertThat(unknown.getList("failingItems[0].reasons", String.class))
                .containsExactly(
                        "disk encryption unknown",
                        "MDM enrolment unknown",
                        "screen lock unknown",
                        "posture never reported by the MDM");

        posture(
                report(serials.get(0), true, true, true),
                report(serials.get(1), true, true, true),
                report(serials.get(2), true, true, true));
        JsonPath passing = control("A.8.1", team);
        assertThat(passing.getString("status")).isEqualTo("passing");
        assertThat(passing.getLong("population")).isEqualTo(3);

        // each posture rule broken once
        Map<String, Map<String, Object>> broken =
                Map.of(
                        "disk not encrypted", report(serials.get(1), false, true, true),
                        "not enrolled in the MDM", report(serials.get(1), true, false, true),
                        "no screen lock", report(serials.get(1), true, true, false));
        broken.forEach(
                (reason, report) -> {
                    posture(report);
                    assertFailing(control("A.8.1", team), devices.get(1), reason);
                });
        posture(report(serials.get(1), true, true, true));

        // a week and a day on, the third device was not reported again
        clock.shift(Duration.ofDays(8));
        posture(report(serials.get(0), true, true, true), report(serials.get(1), true, true, true));
        String stale = "posture last reported on " + TestClock.today() + ", more than 7 days ago";
        JsonPath old = control("A.8.1", team);
        assertFailing(old, devices.get(2), stale);

        // the report lists the same device, with its holder and owner
        JsonPath report =
                asAdmin()
                        .get("/api/v1/reports/non-compliant-devices?group=" + team)
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .extract()
                        .jsonPath();
        assertThat(report.getLong("total")).isEqualTo(1);
        assertThat(report.getString("items[0].id")).isEqualTo(devices.get(2));
        assertThat(report.getString("items[0].holder.name")).isEqualTo(holderEmail);
        assertThat(report.getString("items[0].owner.type")).isEqualTo("group");
        assertThat(report.getList("items[0].reasons")).isEqualTo(List.of(stale));

        // an approved, unexpired exception for the handling clause excepts it
        String exception =
                as("employee", holderEmail)
                        .body(
                                Map.of(
                                        "clause",
                                        "handling",
                                        "justification",
                                        "Travelling; the MDM agent is offline.",
                                        "assetIds",
                                        List.of(devices.get(2)),
                                        "wantedUntil",
                                        TestClock.today().plusDays(30).toString()))
                        .post("/api/v1/exceptions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        as("leadership", "ceo@example.com")
                .body(Map.of("decision", "approve", "note", "Until they are back"))
                .post("/api/v1/exceptions/" + exception + "/decision")
                .then()
                .statusCode(200);
        JsonPath excepted = control("A.8.1", team);
        assertThat(excepted.getString("status")).isEqualTo("passing");
        assertThat(excepted.getLong("excepted")).isEqualTo(1);
        assertThat(excepted.getLong("passing")).isEqualTo(2);
        assertThat(excepted.getList("failingItems")).isEmpty();
        assertThat(excepted.getString("exceptedItems[0].id")).isEqualTo(devices.get(2));
        assertThat(excepted.getString("exceptedItems[0].status")).isEqualTo("excepted");
        assertThat(excepted.getList("exceptedItems[0].reasons")).isEqualTo(List.of(stale));
        assertThat(excepted.getString("exceptedItems[0].exception.id")).isEqualTo(exception);
        asAdmin()
                .get("/api/v1/reports/non-compliant-devices?group=" + team)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldDrawTheSameSampleForTheSameSeedAndAnotherForAnotherSeed() {
        String team = createGroup(unique("Team"));
        for (int i = 0; i < 12; i++) {
            asset(unique("SAMPLE"), "group", team);
        }
        member(team, unique("m") + "@example.com");

        List<String> first = sample(team, "audit-2026-q1");
        List<String> again = sample(team, "audit-2026-q1");
        assertThat(first).hasSize(5).doesNotHaveDuplicates().isEqualTo(again);
        List<List<String>> others = new ArrayList<>();
        for (String seed : List.of("b", "c", "d")) {
            others.add(sample(team, seed));
        }
        assertThat(others).anySatisfy(other -> assertThat(other).isNotEqualTo(first));

        JsonPath sampled = controlWith("A.5.9", "?group=" + team + "&sample=1&seed=evidence");
        assertThat(sampled.getString("sample.seed")).isEqualTo("evidence");
        assertThat(sampled.getString("sample.items[0].status")).isEqualTo("passing");
        assertThat(sampled.getList("sample.items[0].evidence.type", String.class))
                .contains("history");
        assertThat(sampled.getString("sample.items[0].evidence[0].by")).isEqualTo("it@example.com");
    }

    @Test
    void shouldRefuseAnEmployeeAndAnUnknownControl() {
        as("employee", unique("e") + "@example.com")
                .get("/api/v1/compliance/controls")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("auditor", AUDITOR)
                .get("/api/v1/compliance/controls/A.9.9")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("auditor", AUDITOR)
                .get("/api/v1/compliance/controls?sample=0")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sample"));
        JsonPath all =
                as("leadership", "ceo@example.com")
                        .get("/api/v1/compliance/controls?limit=1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(all.getList("controls.id", String.class))
                .containsExactly("A.5.9", "A.5.10", "A.5.11", "A.6.5", "A.6.8", "A.8.1");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static JsonPath control(String id, String group) {
        return controlWith(id, "?group=" + group);
    }

    private static JsonPath controlWith(String id, String query) {
        return as("auditor", AUDITOR)
                .get("/api/v1/compliance/controls/" + id + query)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(id))
                .extract()
                .jsonPath();
    }

    /** The control fails with exactly this one item and this one reason. */
    private static void assertFailing(JsonPath control, String id, String reason) {
        assertThat(control.getString("status")).isEqualTo("failing");
        assertThat(control.getLong("failing")).isEqualTo(1);
        assertThat(control.getList("failingItems.id", String.class)).containsExactly(id);
        assertThat(control.getList("failingItems[0].reasons", String.class))
                .containsExactly(reason);
        assertThat(control.getString("failingItems[0].link")).endsWith(id);
    }

    private static Map<String, Object> item(JsonPath control, String id) {
        List<Map<String, Object>> items = control.getList("failingItems");
        return items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElse(null);
    }

    private static List<String> sample(String team, String seed) {
        return controlWith("A.5.9", "?group=" + team + "&sample=5&seed=" + seed)
                .getList("sample.items.id", String.class);
    }

    /** A new active person, member of the group; returns their id. */
    private static String member(String group, String email) {
        String person = createPerson(email);
        asAdmin().put("/api/v1/groups/" + group + "/members/" + person).then().statusCode(200);
        return person;
    }

    private static String asset(String tag, String ownerType, String ownerId) {
        return createAsset(tag, ownerType, ownerId);
    }

    /** A laptop owned by a new group with an active member, with these fields besides. */
    private static String asset(String tag, Map<String, Object> fields) {
        String owner = createGroup(unique("Owners"));
        member(owner, unique("om") + "@example.com");
        Map<String, Object> body = new HashMap<>(fields);
        body.put("assetTag", tag);
        body.put("name", "MacBook Pro 14");
        body.put("category", "laptop");
        body.put("classification", "confidential");
        body.put("owner", Map.of("type", "group", "id", owner));
        return createAsset(body);
    }

    private static String tag(String asset) {
        return asAdmin().get("/api/v1/assets/" + asset).then().extract().path("assetTag");
    }

    private static String name(String group) {
        return asAdmin().get("/api/v1/groups/" + group).then().extract().path("name");
    }

    @SafeVarargs
    private static void posture(Map<String, Object>... reports) {
        as("mdm-sync", "mdm@example.com")
                .body(Map.of("batchId", unique("fleet"), "reports", List.of(reports)))
                .post("/api/v1/posture-reports")
                .then()
                .statusCode(200);
    }

    private static Map<String, Object> report(
            String serial, boolean encrypted, boolean enrolled, boolean screenLock) {
        String checkIn =
                TestClock.now()
                        .minus(5, ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString();
        return Api.postureReport(serial, encrypted, enrolled, screenLock, checkIn, "fleet");
    }
}
