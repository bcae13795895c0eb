package io.custodian.asset.incident;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The incident lifecycle through the API: personal devices, containment actions, closure and
 * recovery, the timeline and the list; the events each state change publishes.
 */
@QuarkusTest
class IncidentLifecycleTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReportALostPersonalDeviceAndPublishItWithoutAnAsset() throws Exception {
        String email = unique("grace") + "@example.com";
        Map<String, Object> body = deviceReport("phone", "Personal Pixel 8 with company mail");

        try (EventTap tap = new EventTap()) {
            Response created =
                    as("employee", email).body(body).post("/api/v1/incidents").andReturn();
            created.then()
                    .statusCode(201)
                    .contentType("application/json")
                    .header("ETag", notNullValue())
                    .body("status", equalTo("open"))
                    .body("device.type", equalTo("phone"))
                    .body("device.description", equalTo("Personal Pixel 8 with company mail"))
                    .body("asset", nullValue())
                    .body("reportedBy", equalTo(email))
                    .body("timeline", hasSize(1))
                    .body("timeline[0].type", equalTo("reported"))
                    .body("timeline[0].by", equalTo(email));
            String id = created.path("id");

            as("employee", email)
                    .get("/api/v1/incidents/" + id)
                    .then()
                    .statusCode(200)
                    .body("device.type", equalTo("phone"));
            JsonNode data = single(tap, id, "asset.incident.reported");
            assertThat(data.has("asset")).isFalse();
            assertThat(data.has("owner")).isFalse();
            assertThat(data.at("/device/type").asText()).isEqualTo("phone");
            assertThat(data.get("reportedBy").asText()).isEqualTo(email);
        }
    }

    @Test
    void shouldRefuseBothOrNeitherOfAssetAndDeviceNamingTheField() {
        String tag = unique("LT");
        createAsset(tag, "group", createGroup(unique("G")));
        Map<String, Object> both = deviceReport("laptop", "Own MacBook");
        both.put("assetTag", tag);
        Map<String, Object> neither = deviceReport("laptop", "x");
        neither.remove("device");

        asAdmin()
                .body(both)
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("device"));
        asAdmin()
                .body(neither)
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("assetId"));
        asAdmin()
                .body(deviceReport("toaster", "Smart toaster"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("device.type"));
        asAdmin()
                .body(deviceReport("tablet", " "))
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("device.description"));
        asAdmin()
                .get("/api/v1/assets?assetTag=" + tag)
                .then()
                .body("items[0].status", equalTo("in_stock"));
    }

    @Test
    void shouldMoveToContainedOnTheFirstActionAndPublishOneEvent() throws Exception {
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String id = reportStolen(asset);

        try (EventTap tap = new EventTap()) {
            act(id, "remote-lock-requested", "Lock sent through MDM")
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .header("ETag", notNullValue())
                    .body("status", equalTo("contained"))
                    .body("containedAt", notNullValue());
            act(id, "credentials-rotated", null)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("contained"));

            JsonNode data = single(tap, asset, "asset.incident.contained");
            assertThat(data.get("incidentId").asText()).isEqualTo(id);
            assertThat(data.get("status").asText()).isEqualTo("contained");
            assertThat(data.get("containedBy").asText()).isEqualTo("it@example.com");
            assertThat(data.at("/asset/id").asText()).isEqualTo(asset);
            assertThat(data.at("/owner/type").asText()).isEqualTo("group");
            assertThat(data.get("actions")).hasSize(1);
            assertThat(data.at("/actions/0/action").asText()).isEqualTo("remote-lock-requested");
            assertThat(data.at("/actions/0/note").asText()).isEqualTo("Lock sent through MDM");
            assertThat(data.at("/actions/0/by").asText()).isEqualTo("it@example.com");
        }
    }

    @Test
    void shouldLetOnlyAdminsAndLeadershipActAndClose() {
        String email = unique("ada") + "@example.com";
        String id =
                as("employee", email)
                        .body(deviceReport("laptop", "Own laptop with VPN"))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        as("employee", email)
                .body(Map.of("action", "credentials-rotated"))
                .post("/api/v1/incidents/" + id + "/actions")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("employee", email)
                .header("If-Match", "*")
                .body(Map.of("outcome", "closed"))
                .post("/api/v1/incidents/" + id + "/closure")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("auditor", "audit@example.com")
                .header("If-Match", "*")
                .body(Map.of("outcome", "closed"))
                .post("/api/v1/incidents/" + id + "/closure")
                .then()
                .statusCode(403);

        as("leadership", "ceo@example.com")
                .body(Map.of("action", "access-revoked", "note", "VPN certificate revoked"))
                .post("/api/v1/incidents/" + id + "/actions")
                .then()
                .statusCode(200)
                .body("status", equalTo("contained"));
        as("leadership", "ceo@example.com")
                .header("If-Match", incidentEtag(id))
                .body(Map.of("outcome", "closed", "note", "Laptop not found; access revoked"))
                .post("/api/v1/incidents/" + id + "/closure")
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("closedAt", notNullValue());
    }

    @Test
    void shouldRecoverTheAssetToStockEndItsCustodyAndPublishTheOutcome() throws Exception {
        String asset = handedOut();
        String id = reportStolen(asset);
        act(id, "remote-wipe-requested", null).then().statusCode(200);

        try (EventTap tap = new EventTap()) {
            close(id, "recovered", "Handed in at York station")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("recovered"));

            asAdmin()
                    .get("/api/v1/assets/" + asset)
                    .then()
                    .body("status", equalTo("in_stock"))
                    .body("holder", nullValue());
            JsonNode data = single(tap, asset, "asset.incident.closed");
            assertThat(data.get("outcome").asText()).isEqualTo("recovered");
            assertThat(data.get("assetStatus").asText()).isEqualTo("in_stock");
            assertThat(data.get("closedBy").asText()).isEqualTo("it@example.com");
            assertThat(data.get("note").asText()).isEqualTo("Handed in at York station");
            assertThat(data.at("/holder/type").asText()).isEqualTo("person");
            assertThat(data.get("actions")).hasSize(1);
        }
        // the holder's custody ended with the recovery, and the asset can be handed out again
        assertThat(openCustodies(asset)).isZero();
        checkout(asset, acknowledgedPerson()).then().statusCode(200);
        assertThat(openCustodies(asset)).isOne();
    }

    @Test
    void shouldRefuseIllegalTransitionsNamingBothStatuses() {
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String id = reportStolen(asset);

        close(id, "closed", null)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("open"))
                .body("detail", containsString("closed"))
                .body("errors[0].field", equalTo("outcome"));
        // the asset was written off meanwhile: it can no longer be recovered
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("status", "retired"))
                .post("/api/v1/assets/" + asset + "/transitions")
                .then()
                .statusCode(200);
        close(id, "recovered", null)
                .then()
                .statusCode(409)
                .body("detail", containsString("retired"))
                .body("detail", containsString("recovered"));
        act(id, "access-revoked", null).then().statusCode(200);
        close(id, "closed", "Written off").then().statusCode(200);
        close(id, "recovered", null)
                .then()
                .statusCode(409)
                .body("detail", containsString("closed"))
                .body("detail", containsString("recovered"));
        act(id, "other", "Too late")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));

        String device =
                asAdmin()
                        .body(deviceReport("phone", "Own phone"))
                        .post("/api/v1/incidents")
                        .then()
                        .extract()
                        .path("id");
        close(device, "recovered", null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("outcome"));
    }

    @Test
    void shouldValidateActionsAndRequireIfMatchOnClosure() {
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String id = reportStolen(asset);

        act(id, "prayed", null)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("action"))
                .body("errors[0].message", containsString("remote-lock-requested"));
        act(id, "other", null).then().statusCode(422).body("errors[0].field", equalTo("note"));
        asAdmin()
                .body(Map.of("action", "access-revoked", "by", "someone@example.com"))
                .post("/api/v1/incidents/" + id + "/actions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("by"));
        String before = incidentEtag(id);
        act(id, "access-revoked", null).then().statusCode(200);

        asAdmin()
                .body(Map.of("outcome", "closed"))
                .post("/api/v1/incidents/" + id + "/closure")
                .then()
                .statusCode(428)
                .contentType(PROBLEM);
        asAdmin()
                .header("If-Match", before)
                .body(Map.of("outcome", "closed"))
                .post("/api/v1/incidents/" + id + "/closure")
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        asAdmin()
                .header("If-Match", incidentEtag(id))
                .body(Map.of("outcome", "forgotten"))
                .post("/api/v1/incidents/" + id + "/closure")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("outcome"));
        // none of the refused closures closed it
        asAdmin()
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("contained"))
                .body("closedAt", nullValue());
        asAdmin().get("/api/v1/assets/" + asset).then().body("status", equalTo("stolen"));
        asAdmin()
                .body(Map.of("action", "access-revoked"))
                .post("/api/v1/incidents/" + UUID.randomUUID() + "/actions")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void shouldShowTheTimelineInOrderWithWhoAndWhen() {
        String email = unique("ada") + "@example.com";
        String asset = createAsset(unique("LT"), "person", createPerson(email));
        Map<String, Object> body = report(TestClock.now().minus(1, ChronoUnit.HOURS));
        body.put("assetId", asset);
        String id =
                as("employee", email)
                        .body(body)
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        act(id, "remote-lock-requested", "Locked").then().statusCode(200);
        as("leadership", "cto@example.com")
                .body(Map.of("action", "credentials-rotated"))
                .post("/api/v1/incidents/" + id + "/actions")
                .then()
                .statusCode(200);
        close(id, "recovered", "Found under a seat").then().statusCode(200);

        Response read = as("employee", email).get("/api/v1/incidents/" + id).andReturn();
        read.then()
                .statusCode(200)
                .body("status", equalTo("recovered"))
                .body(
                        "timeline.type",
                        equalTo(List.of("reported", "action", "contained", "action", "recovered")))
                .body(
                        "timeline.by",
                        equalTo(
                                List.of(
                                        email,
                                        "it@example.com",
                                        "it@example.com",
                                        "cto@example.com",
                                        "it@example.com")))
                .body("timeline[1].action", equalTo("remote-lock-requested"))
                .body("timeline[1].note", equalTo("Locked"))
                .body("timeline[3].action", equalTo("credentials-rotated"))
                .body("timeline[4].note", equalTo("Found under a seat"));
        List<String> times = read.path("timeline.at");
        List<Instant> instants = times.stream().map(Instant::parse).toList();
        assertThat(instants).isSorted();
        assertThat(instants.get(2)).isEqualTo(instants.get(1));
    }

    @Test
    void shouldFilterAndPageTheListAndShowEmployeesOnlyTheirOwn() {
        String email = unique("ada") + "@example.com";
        String asset = createAsset(unique("LT"), "person", createPerson(email));
        Map<String, Object> own = report(TestClock.now().minus(3, ChronoUnit.DAYS));
        own.put("assetId", asset);
        String late =
                as("employee", email)
                        .body(own)
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String phone =
                as("employee", email)
                        .body(deviceReport("phone", "Own phone"))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        act(phone, "access-revoked", null).then().statusCode(200);
        String someoneElses =
                reportStolen(createAsset(unique("LT"), "group", createGroup(unique("G"))));

        // employees: only what they reported, newest first, no timeline in lists
        as("employee", email)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("items.id", equalTo(List.of(phone, late)))
                .body("items[0].timeline", nullValue())
                .body("next", nullValue());
        as("employee", email).get("/api/v1/incidents/" + someoneElses).then().statusCode(404);

        // filters
        as("employee", email)
                .get("/api/v1/incidents?status=contained")
                .then()
                .body("items.id", equalTo(List.of(phone)));
        as("employee", email)
                .get("/api/v1/incidents?late=true&kind=lost")
                .then()
                .body("items.id", equalTo(List.of(late)));
        as("auditor", "audit@example.com")
                .get("/api/v1/incidents?assetId=" + asset)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(late)));
        asAdmin()
                .get("/api/v1/incidents?status=open,contained&limit=1000")
                .then()
                .body("items.id", hasItem(someoneElses))
                .body("items.status", everyItem(not(equalTo("closed"))));

        // keyset pages: follow next until the end; each incident once, in order
        Response first = asAdmin().get("/api/v1/incidents?limit=2").andReturn();
        first.then()
                .statusCode(200)
                .body("items", hasSize(2))
                .header("Link", containsString("rel=\"next\""));
        List<String> seen = new java.util.ArrayList<>(first.path("items.id"));
        String next = first.path("next");
        while (next != null) {
            Response page = asAdmin().get(next).andReturn();
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertThat(seen).doesNotHaveDuplicates().contains(late, phone, someoneElses);
        assertThat(seen.indexOf(someoneElses)).isLessThan(seen.indexOf(phone));

        // bad parameters name themselves
        asAdmin()
                .get("/api/v1/incidents?status=lost")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
        asAdmin()
                .get("/api/v1/incidents?limit=1001")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        asAdmin()
                .get("/api/v1/incidents?cursor=bm9wZQ")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        asAdmin()
                .get("/api/v1/incidents?holder=x")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("holder"));
        as("hr-system", "hr@example.com").get("/api/v1/incidents").then().statusCode(403);
    }

    /** Custody periods of the asset not yet ended (no endpoint lists custody). */
    private static long openCustodies(String asset) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                ((Number)
                                                Panache.getEntityManager()
                                                        .createNativeQuery(
                                                                "select count(*) from custody"
                                                                        + " where asset_id = ?1"
                                                                        + " and checked_in_at is"
                                                                        + " null")
                                                        .setParameter(1, UUID.fromString(asset))
                                                        .getSingleResult())
                                        .longValue());
    }

    /** The data of the one event of this type with this key, waiting for it to arrive. */
    private static JsonNode single(EventTap tap, String key, String type) throws Exception {
        return JSON.readTree(tap.only(key, type).value());
    }

    private static String reportStolen(String asset) {
        Map<String, Object> body = report(TestClock.now().minus(10, ChronoUnit.MINUTES));
        body.put("assetId", asset);
        return asAdmin()
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response act(String id, String action, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (note != null) {
            body.put("note", note);
        }
        return asAdmin().body(body).post("/api/v1/incidents/" + id + "/actions").andReturn();
    }

    private static Response close(String id, String outcome, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        if (note != null) {
            body.put("note", note);
        }
        return asAdmin()
                .header("If-Match", incidentEtag(id))
                .body(body)
                .post("/api/v1/incidents/" + id + "/closure")
                .andReturn();
    }

    private static String incidentEtag(String id) {
        return asAdmin()
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static Map<String, Object> report(Instant occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put(
                "kind",
                occurredAt.isBefore(TestClock.now().minus(1, ChronoUnit.DAYS)) ? "lost" : "stolen");
        body.put("occurredAt", occurredAt.toString());
        body.put("location", "Train from Leeds to York, coach C");
        return body;
    }

    private static Map<String, Object> deviceReport(String type, String description) {
        Map<String, Object> body = report(TestClock.now().minus(5, ChronoUnit.MINUTES));
        body.put("kind", "lost");
        body.put("device", Map.of("type", type, "description", description));
        return body;
    }

    /** An asset checked out to a person who acknowledged the current acceptable-use rules. */
    private static String handedOut() {
        asAdmin()
                .body(Map.of("version", unique("v"), "title", "Acceptable use", "text", "Lock it."))
                .post("/api/v1/acceptable-use")
                .then()
                .statusCode(201);
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        checkout(asset, acknowledgedPerson()).then().statusCode(200);
        return asset;
    }

    private static String acknowledgedPerson() {
        String email = unique("holder") + "@example.com";
        String person = createPerson(email);
        as("employee", email)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);
        return person;
    }

    private static Response checkout(String asset, String person) {
        return asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("personId", person))
                .post("/api/v1/assets/" + asset + "/checkout")
                .andReturn();
    }
}
