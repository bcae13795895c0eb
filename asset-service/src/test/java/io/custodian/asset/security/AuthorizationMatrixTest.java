package io.custodian.asset.security;

import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.custodian.asset.Api;
import io.custodian.asset.TestClock;
import io.custodian.asset.security.Matrix.Row;
import io.custodian.asset.security.Matrix.Who;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 7's proof: every operation of the contract, called by every kind of caller, answers what
 * {@code security/authorization-matrix.csv} says; a refusal is exactly 401/403/404 with a problem
 * document and changes no row of any table. Each call is valid (allowed means 2xx), and each write
 * acts on objects made for it, so the only thing deciding the outcome is who calls.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SCIM = "application/scim+json";
    private static final String SCIM_CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String SCIM_PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Inject AgroalDataSource dataSource;

    // --- the table against the contract and the running application -------------------------

    @Test
    void shouldHaveOneRowForEveryOperationOfTheContract() {
        List<Row> rows = Matrix.rows();
        Set<String> spec = Matrix.specOperations();

        List<String> missing = Matrix.specWithoutRow(rows, spec);
        List<String> unknown = Matrix.rowsNotInSpec(rows, spec);
        long covered = spec.stream().filter(op -> !missing.contains(op)).count();
        System.out.printf(
                "Authorization matrix: %d of %d operations of api-spec/openapi.yaml covered"
                        + " (%.0f%%), %d served-only rows, %d cells%n",
                covered,
                spec.size(),
                100.0 * covered / spec.size(),
                rows.stream().filter(Row::servedOnly).count(),
                rows.size() * Who.values().length);

        assertThat(missing).as("operations of the contract without a row").isEmpty();
        assertThat(unknown).as("rows naming no operation of the contract").isEmpty();
        assertThat(rows.stream().map(Row::operation).distinct().count())
                .as("one row per operation")
                .isEqualTo(rows.size());
        assertThat(spec).hasSizeGreaterThan(50);
    }

    @Test
    void shouldServeNothingThatTheContractAndTheTableDoNotList() {
        Set<String> served = Matrix.servedOperations();
        assertThat(served).as("the resource scan found the API").hasSizeGreaterThan(50);
        assertThat(served).doesNotContain("GET /api/v1/test-unprotected");
        Matrix.assertEveryServedEndpointIsListed(served, Matrix.specOperations(), Matrix.rows());
    }

    // --- every cell ---------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicNode> shouldAnswerEveryCallerAsTheMatrixSays() {
        World world = new World();
        TableContents tables = new TableContents(dataSource);
        Map<String, Scenario> scenarios = world.scenarios();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Row row : Matrix.rows()) {
            Scenario scenario = scenarios.get(row.operation());
            List<DynamicTest> cells = new ArrayList<>();
            for (Who who : Who.values()) {
                String expected = row.expected().get(who);
                cells.add(
                        DynamicTest.dynamicTest(
                                who.column + " -> " + expected,
                                () -> {
                                    if (scenario == null) {
                                        fail("No request written for " + row.operation());
                                    }
                                    cell(world, tables, row, who, expected, scenario);
                                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(row.operation(), cells));
        }
        return nodes.stream();
    }

    private static void cell(
            World world,
            TableContents tables,
            Row row,
            Who who,
            String expected,
            Scenario scenario) {
        boolean allowed = "allow".equals(expected);
        Call call = scenario.call(who, allowed);
        Map<String, String> before = allowed ? null : tables.snapshot();

        Response response = world.spec(who, call).request(row.method(), call.path);
        int status = response.statusCode();
        String body = response.asString();
        String where = row.operation() + " as " + who.column + " (" + call.path + "): ";

        if (allowed) {
            assertThat(status).as(where + body).isBetween(200, 299);
            if (call.visible != null && who == Who.EMPLOYEE) {
                assertThat(body).as(where + "lists their own object").contains(call.visible);
            }
            if (call.visible != null && who == Who.EMPLOYEE_OTHER) {
                assertThat(body)
                        .as(where + "lists someone else's object")
                        .doesNotContain(call.visible);
            }
            if (call.afterAllow != null) {
                call.afterAllow.accept(response);
            }
            return;
        }
        assertThat(status).as(where + body).isEqualTo(Integer.parseInt(expected));
        String type = response.contentType();
        if (call.path.startsWith("/scim/")) {
            // SCIM clients expect SCIM's own error document (RFC 7644 §3.12)
            assertThat(type).as(where + "content type").startsWith(SCIM);
            assertThat(body).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        } else {
            assertThat(type).as(where + "content type").startsWith(PROBLEM);
            assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        }
        if (call.visible != null) {
            assertThat(body).as(where + "names the object").doesNotContain(call.visible);
        }
        if (call.hidden != null) {
            assertThat(body).as(where + "reveals the object").doesNotContain(call.hidden);
        }
        assertThat(tables.snapshot()).as(where + "tables after a refusal").isEqualTo(before);
    }

    // --- requests -------------------------------------------------------------------------------

    /** Builds the request of one cell; writes make their objects first, reads use the world's. */
    @FunctionalInterface
    interface Scenario {
        Call call(Who who, boolean allowed);
    }

    /** One request: path, headers, body; who the "employee" column is; what to check after. */
    static final class Call {
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        Object body;
        String contentType;
        String employee;

        /** An id the employee's answer must contain and another employee's must not. */
        String visible;

        /** What a refusal must not reveal (e.g. the tag of an asset named only by its id). */
        String hidden;

        Consumer<Response> afterAllow;

        Call(String path) {
            this.path = path;
        }

        Call body(Object body) {
            this.body = body;
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        Call employee(String email) {
            this.employee = email;
            return this;
        }

        Call visible(String id) {
            this.visible = id;
            return this;
        }

        Call hidden(String text) {
            this.hidden = text;
            return this;
        }

        Call afterAllow(Consumer<Response> check) {
            this.afterAllow = check;
            return this;
        }
    }

    /**
     * The people and objects of the run: an employee E who holds asset A (owned by a group E
     * belongs to) and owns nothing else; another employee O; a leaver L being off-boarded; E's own
     * incident, exception request and violation report; an import job; a SCIM user.
     */
    static final class World {
        final String run = unique("m").substring(2);
        final String admin = "it-" + run + "@example.com";
        final String employee = "emp-" + run + "@example.com";
        final String other = "other-" + run + "@example.com";
        final String leaver = "leaver-" + run + "@example.com";
        final String hr = "hr-" + run + "@example.com";
        final String lead = "ceo-" + run + "@example.com";
        final String lead2 = "cto-" + run + "@example.com";
        final String auditor = "audit-" + run + "@example.com";

        final String employeeId;
        final String otherId;
        final String groupName = "Matrix " + run;
        final String group;
        final String version;
        final String asset;
        final String incident;
        final String exception;
        final String violation;
        final String offboarding;
        final String importJob;
        final String scimUser;
        final String scimGroup;

        World() {
            employeeId = Api.createPerson(employee);
            otherId = Api.createPerson(other);
            String leaverId = Api.createPerson(leaver);
            for (String email : List.of(admin, lead, lead2, auditor)) {
                Api.createPerson(email);
            }
            group = Api.createGroup(groupName);
            admin().put("/api/v1/groups/" + group + "/members/" + employeeId)
                    .then()
                    .statusCode(200);
            version = publish();
            asset = heldBy(employeeId, employee);
            heldBy(leaverId, leaver);
            incident = personalDeviceIncident(employee);
            exception = exceptionBy(employee);
            violation = violationBy(employee);
            offboarding = offboard(leaver).get("id");
            importJob =
                    finished(
                            admin().contentType("text/csv; charset=UTF-8")
                                    .body(importCsv().getBytes(StandardCharsets.UTF_8))
                                    .post("/api/v1/imports?dryRun=true")
                                    .then()
                                    .statusCode(202)
                                    .extract()
                                    .path("id"));
            scimUser = scimUser(unique("scim") + "@example.com", unique("E")).get("id");
            scimGroup = scimGroup();
        }

        RequestSpecification spec(Who who, Call call) {
            RequestSpecification spec =
                    switch (who) {
                        case ANONYMOUS -> Api.anonymous();
                        case ADMIN -> Api.as("asset-admin", admin);
                        case EMPLOYEE ->
                                Api.as(
                                        "employee",
                                        call.employee == null ? employee : call.employee);
                        case EMPLOYEE_OTHER -> Api.as("employee", other);
                        case HR -> Api.as("hr-system", hr);
                        case LEADERSHIP -> Api.as("leadership", lead);
                        case AUDITOR -> Api.as("auditor", auditor);
                        case MDM_SYNC -> Api.as("mdm-sync", "mdm-" + run + "@example.com");
                    };
            if (call.path.startsWith("/scim/")) {
                spec.contentType(SCIM).accept(SCIM);
            }
            if (call.contentType != null) {
                spec.contentType(call.contentType);
            }
            call.headers.forEach(spec::header);
            if (call.body instanceof byte[] bytes) {
                spec.body(bytes);
            } else if (call.body != null) {
                spec.body(call.body);
            }
            return spec;
        }

        Map<String, Scenario> scenarios() {
            Map<String, Scenario> s = new HashMap<>();
            // people and groups
            s.put(
                    "POST /api/v1/people",
                    (who, allowed) -> new Call("/api/v1/people").body(newPerson()));
            s.put(
                    "PUT /api/v1/people/by-employee-id/{employeeId}",
                    (who, allowed) ->
                            new Call("/api/v1/people/by-employee-id/" + unique("E"))
                                    .body(
                                            Map.of(
                                                    "email",
                                                    unique("sync") + "@example.com",
                                                    "displayName",
                                                    "Grace Hopper")));
            s.put("GET /api/v1/people/{personId}", read("/api/v1/people/" + employeeId));
            s.put(
                    "POST /api/v1/groups",
                    (who, allowed) ->
                            new Call("/api/v1/groups")
                                    .body(
                                            Map.of(
                                                    "name",
                                                    unique("Team"),
                                                    "contactEmail",
                                                    "team@example.com")));
            s.put("GET /api/v1/groups/{groupId}", read("/api/v1/groups/" + group));
            s.put(
                    "PUT /api/v1/groups/{groupId}/members/{personId}",
                    (who, allowed) ->
                            new Call(
                                    "/api/v1/groups/"
                                            + Api.createGroup(unique("Team"))
                                            + "/members/"
                                            + employeeId));
            s.put(
                    "DELETE /api/v1/groups/{groupId}/members/{personId}",
                    (who, allowed) -> {
                        String team = Api.createGroup(unique("Team"));
                        admin().put("/api/v1/groups/" + team + "/members/" + employeeId)
                                .then()
                                .statusCode(200);
                        return new Call("/api/v1/groups/" + team + "/members/" + employeeId);
                    });
            // inventory
            s.put(
                    "GET /api/v1/assets",
                    (who, allowed) -> new Call("/api/v1/assets").visible(asset));
            s.put(
                    "POST /api/v1/assets",
                    (who, allowed) ->
                            new Call("/api/v1/assets")
                                    .body(
                                            Map.of(
                                                    "assetTag",
                                                    unique("MX"),
                                                    "name",
                                                    "ThinkPad",
                                                    "category",
                                                    "laptop",
                                                    "classification",
                                                    "internal",
                                                    "owner",
                                                    Map.of("type", "group", "id", group))));
            s.put("GET /api/v1/assets/{assetId}", read("/api/v1/assets/" + asset));
            s.put(
                    "PUT /api/v1/assets/{assetId}",
                    (who, allowed) ->
                            onAsset(heldBy(employeeId, employee), "")
                                    .body(
                                            Map.of(
                                                    "name",
                                                    "Renamed",
                                                    "category",
                                                    "laptop",
                                                    "classification",
                                                    "confidential")));
            s.put(
                    "PATCH /api/v1/assets/{assetId}",
                    (who, allowed) ->
                            onAsset(heldBy(employeeId, employee), "")
                                    .contentType("application/merge-patch+json")
                                    .body(Map.of("notes", "patched")));
            s.put(
                    "POST /api/v1/assets/{assetId}/transitions",
                    (who, allowed) ->
                            onAsset(ownedBy(employeeId), "/transitions")
                                    .body(Map.of("status", "in_repair", "reason", "screen")));
            s.put(
                    "PUT /api/v1/assets/{assetId}/owner",
                    (who, allowed) ->
                            onAsset(ownedBy(employeeId), "/owner")
                                    .body(Map.of("type", "group", "id", group)));
            s.put(
                    "POST /api/v1/assets/{assetId}/checkout",
                    (who, allowed) -> {
                        acknowledge(employee);
                        return onAsset(ownedBy(employeeId), "/checkout")
                                .body(Map.of("personId", employeeId));
                    });
            s.put(
                    "POST /api/v1/assets/{assetId}/checkin",
                    (who, allowed) ->
                            onAsset(heldBy(employeeId, employee), "/checkin")
                                    .body(Map.of("condition", "fine")));
            s.put(
                    "GET /api/v1/me/assets",
                    (who, allowed) -> new Call("/api/v1/me/assets").visible(asset));
            s.put(
                    "POST /api/v1/assets/{assetId}/verifications",
                    (who, allowed) ->
                            new Call("/api/v1/assets/" + asset + "/verifications")
                                    .body(Map.of("note", "on my desk")));
            s.put(
                    "POST /api/v1/assets/{assetId}/discrepancies",
                    (who, allowed) ->
                            new Call("/api/v1/assets/" + ownedBy(employeeId) + "/discrepancies")
                                    .body(Map.of("note", "not with me")));
            s.put(
                    "GET /api/v1/assets/{assetId}/history",
                    read("/api/v1/assets/" + asset + "/history"));
            s.put(
                    "GET /api/v1/exports",
                    (who, allowed) ->
                            new Call("/api/v1/exports?format=json&assetTag=" + tagOf(asset))
                                    .header("Accept", "application/json"));
            s.put("GET /api/v1/reports/exports", read("/api/v1/reports/exports"));
            s.put(
                    "GET /api/v1/reports/ownership-transfers",
                    read("/api/v1/reports/ownership-transfers"));
            s.put(
                    "GET /api/v1/reports/leavers-with-assets",
                    read("/api/v1/reports/leavers-with-assets"));
            // posture and compliance
            s.put(
                    "POST /api/v1/posture-reports",
                    (who, allowed) ->
                            new Call("/api/v1/posture-reports")
                                    .body(
                                            Map.of(
                                                    "batchId",
                                                    unique("mx"),
                                                    "reports",
                                                    List.of(
                                                            Map.of(
                                                                    "serialNumber",
                                                                    unique("SN"),
                                                                    "diskEncrypted",
                                                                    true,
                                                                    "mdmEnrolled",
                                                                    true,
                                                                    "screenLock",
                                                                    true,
                                                                    "lastCheckIn",
                                                                    anHourAgo(),
                                                                    "source",
                                                                    "fleet")))));
            s.put(
                    "GET /api/v1/reports/unregistered-devices",
                    read("/api/v1/reports/unregistered-devices"));
            s.put(
                    "GET /api/v1/reports/non-compliant-devices",
                    read("/api/v1/reports/non-compliant-devices?limit=1"));
            s.put("GET /api/v1/compliance/controls", read("/api/v1/compliance/controls?limit=1"));
            s.put(
                    "GET /api/v1/compliance/controls/{controlId}",
                    read("/api/v1/compliance/controls/A.8.1?limit=1"));
            s.put("GET /api/v1/compliance/trend", read("/api/v1/compliance/trend?control=A.8.1"));
            // acceptable use
            s.put(
                    "POST /api/v1/acceptable-use",
                    (who, allowed) -> new Call("/api/v1/acceptable-use").body(newVersion()));
            s.put("GET /api/v1/acceptable-use/current", read("/api/v1/acceptable-use/current"));
            s.put(
                    "GET /api/v1/acceptable-use/versions/{version}",
                    read("/api/v1/acceptable-use/versions/" + version));
            s.put(
                    "POST /api/v1/acceptable-use/current/acknowledgements",
                    read("/api/v1/acceptable-use/current/acknowledgements"));
            // incidents
            s.put(
                    "GET /api/v1/incidents",
                    (who, allowed) -> new Call("/api/v1/incidents").visible(incident));
            s.put(
                    "POST /api/v1/incidents",
                    (who, allowed) -> {
                        String held = heldBy(employeeId, employee);
                        return new Call("/api/v1/incidents")
                                .hidden(tagOf(held))
                                .body(
                                        Map.of(
                                                "assetId",
                                                held,
                                                "kind",
                                                "lost",
                                                "occurredAt",
                                                anHourAgo()));
                    });
            s.put("GET /api/v1/incidents/{incidentId}", read("/api/v1/incidents/" + incident));
            s.put(
                    "POST /api/v1/incidents/{incidentId}/actions",
                    (who, allowed) ->
                            new Call(
                                            "/api/v1/incidents/"
                                                    + personalDeviceIncident(employee)
                                                    + "/actions")
                                    .body(Map.of("action", "access-revoked", "note", "done")));
            s.put(
                    "POST /api/v1/incidents/{incidentId}/closure",
                    (who, allowed) -> {
                        String id = personalDeviceIncident(employee);
                        String etag =
                                admin().body(Map.of("action", "access-revoked"))
                                        .post("/api/v1/incidents/" + id + "/actions")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .header("ETag");
                        return new Call("/api/v1/incidents/" + id + "/closure")
                                .header("If-Match", etag)
                                .body(Map.of("outcome", "closed"));
                    });
            // exceptions and violations
            s.put(
                    "POST /api/v1/exceptions",
                    (who, allowed) -> new Call("/api/v1/exceptions").body(exceptionRequest()));
            s.put(
                    "GET /api/v1/exceptions",
                    (who, allowed) -> new Call("/api/v1/exceptions").visible(exception));
            s.put("GET /api/v1/exceptions/{exceptionId}", read("/api/v1/exceptions/" + exception));
            s.put(
                    "POST /api/v1/exceptions/{exceptionId}/decision",
                    (who, allowed) ->
                            new Call("/api/v1/exceptions/" + exceptionBy(employee) + "/decision")
                                    .body(Map.of("decision", "approve", "note", "for a month")));
            s.put(
                    "POST /api/v1/violations",
                    (who, allowed) -> new Call("/api/v1/violations").body(violationReport()));
            s.put(
                    "GET /api/v1/violations",
                    (who, allowed) -> new Call("/api/v1/violations").visible(violation));
            s.put("GET /api/v1/violations/{violationId}", read("/api/v1/violations/" + violation));
            s.put(
                    "POST /api/v1/violations/{violationId}/acknowledgement",
                    (who, allowed) ->
                            new Call(
                                            "/api/v1/violations/"
                                                    + violationBy(employee)
                                                    + "/acknowledgement")
                                    .body(Map.of("note", "seen")));
            s.put(
                    "POST /api/v1/violations/{violationId}/closure",
                    (who, allowed) -> {
                        String id = violationBy(employee);
                        Api.as("leadership", lead2)
                                .body(Map.of("note", "seen"))
                                .post("/api/v1/violations/" + id + "/acknowledgement")
                                .then()
                                .statusCode(200);
                        return new Call("/api/v1/violations/" + id + "/closure")
                                .body(Map.of("outcome", "talked to them"));
                    });
            // off-boarding
            s.put(
                    "POST /api/v1/offboardings",
                    (who, allowed) ->
                            new Call("/api/v1/offboardings")
                                    .body(offboardingStart(unique("gone") + "@example.com", true)));
            s.put(
                    "GET /api/v1/offboardings",
                    (who, allowed) ->
                            new Call("/api/v1/offboardings").employee(leaver).visible(offboarding));
            s.put(
                    "GET /api/v1/offboardings/{offboardingId}",
                    (who, allowed) ->
                            new Call("/api/v1/offboardings/" + offboarding).employee(leaver));
            s.put(
                    "POST /api/v1/offboardings/{offboardingId}/items/{itemId}/waiver",
                    (who, allowed) -> {
                        String someone = unique("waived") + "@example.com";
                        heldBy(Api.createPerson(someone), someone);
                        Map<String, String> started = offboard(someone);
                        return new Call(
                                        "/api/v1/offboardings/"
                                                + started.get("id")
                                                + "/items/"
                                                + started.get("item")
                                                + "/waiver")
                                .employee(someone)
                                .body(Map.of("reason", "written off"));
                    });
            // imports
            s.put(
                    "POST /api/v1/imports",
                    (who, allowed) ->
                            new Call("/api/v1/imports?dryRun=true")
                                    .contentType("text/csv; charset=UTF-8")
                                    .body(importCsv().getBytes(StandardCharsets.UTF_8))
                                    .afterAllow(r -> finished(r.path("id"))));
            s.put("GET /api/v1/imports", read("/api/v1/imports"));
            s.put("GET /api/v1/imports/{importId}", read("/api/v1/imports/" + importJob));
            s.put(
                    "GET /api/v1/imports/{importId}/changes",
                    read("/api/v1/imports/" + importJob + "/changes"));
            s.put(
                    "GET /api/v1/imports/{importId}/errors",
                    read("/api/v1/imports/" + importJob + "/errors"));
            // SCIM
            s.put(
                    "POST /scim/v2/Users",
                    (who, allowed) ->
                            new Call("/scim/v2/Users")
                                    .body(
                                            scimBody(
                                                    unique("scim") + "@example.com",
                                                    unique("E"),
                                                    "Ada")));
            s.put("GET /scim/v2/Users", read("/scim/v2/Users"));
            s.put("GET /scim/v2/Users/{id}", read("/scim/v2/Users/" + scimUser));
            s.put(
                    "PUT /scim/v2/Users/{id}",
                    (who, allowed) -> {
                        String email = unique("scim") + "@example.com";
                        String eid = unique("E");
                        return new Call("/scim/v2/Users/" + scimUser(email, eid).get("id"))
                                .body(scimBody(email, eid, "Augusta"));
                    });
            s.put(
                    "PATCH /scim/v2/Users/{id}",
                    (who, allowed) ->
                            new Call(
                                            "/scim/v2/Users/"
                                                    + scimUser(
                                                                    unique("scim") + "@example.com",
                                                                    unique("E"))
                                                            .get("id"))
                                    .body(
                                            patchOp(
                                                    Map.of(
                                                            "op",
                                                            "replace",
                                                            "value",
                                                            Map.of("active", false)))));
            s.put(
                    "DELETE /scim/v2/Users/{id}",
                    (who, allowed) ->
                            new Call(
                                    "/scim/v2/Users/"
                                            + scimUser(unique("scim") + "@example.com", unique("E"))
                                                    .get("id")));
            s.put(
                    "POST /scim/v2/Groups",
                    (who, allowed) -> new Call("/scim/v2/Groups").body(scimGroupBody()));
            s.put("GET /scim/v2/Groups", read("/scim/v2/Groups"));
            s.put("GET /scim/v2/Groups/{id}", read("/scim/v2/Groups/" + scimGroup));
            s.put(
                    "PUT /scim/v2/Groups/{id}",
                    (who, allowed) ->
                            new Call("/scim/v2/Groups/" + scimGroup()).body(scimGroupBody()));
            s.put(
                    "PATCH /scim/v2/Groups/{id}",
                    (who, allowed) ->
                            new Call("/scim/v2/Groups/" + scimGroup())
                                    .body(
                                            patchOp(
                                                    Map.of(
                                                            "op",
                                                            "add",
                                                            "path",
                                                            "members",
                                                            "value",
                                                            List.of(Map.of("value", scimUser))))));
            s.put(
                    "DELETE /scim/v2/Groups/{id}",
                    (who, allowed) -> new Call("/scim/v2/Groups/" + scimGroup()));
            s.put("GET /scim/v2/ServiceProviderConfig", read("/scim/v2/ServiceProviderConfig"));
            s.put("GET /scim/v2/ResourceTypes", read("/scim/v2/ResourceTypes"));
            s.put("GET /scim/v2/ResourceTypes/{id}", read("/scim/v2/ResourceTypes/User"));
            s.put("GET /scim/v2/Schemas", read("/scim/v2/Schemas"));
            s.put("GET /scim/v2/Schemas/{id}", read("/scim/v2/Schemas/" + SCIM_CORE));
            for (String type : List.of("Users", "Groups")) {
                for (String verb : List.of("PUT", "PATCH", "DELETE")) {
                    s.put(
                            verb + " /scim/v2/" + type,
                            (who, allowed) -> new Call("/scim/v2/" + type).body(Map.of()));
                }
                s.put(
                        "POST /scim/v2/" + type + "/{id}",
                        (who, allowed) ->
                                new Call("/scim/v2/" + type + "/" + UUID.randomUUID())
                                        .body(Map.of()));
            }
            for (String verb : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                s.put(
                        verb + " /scim/v2/{unsupported}",
                        (who, allowed) ->
                                new Call("/scim/v2/Bulk")
                                        .body(
                                                verb.equals("GET") || verb.equals("DELETE")
                                                        ? null
                                                        : Map.of()));
            }
            return s;
        }

        // --- objects --------------------------------------------------------------------------

        private static Scenario read(String path) {
            return (who, allowed) -> new Call(path);
        }

        private Call onAsset(String id, String suffix) {
            return new Call("/api/v1/assets/" + id + suffix).header("If-Match", Api.etag(id));
        }

        private static RequestSpecification admin() {
            return Api.asAdmin();
        }

        private String publish() {
            Map<String, Object> body = newVersion();
            admin().body(body).post("/api/v1/acceptable-use").then().statusCode(201);
            return (String) body.get("version");
        }

        private static Map<String, Object> newVersion() {
            return Map.of(
                    "version", unique("v"), "title", "Acceptable use", "text", "Lock your screen.");
        }

        private static void acknowledge(String email) {
            Api.as("employee", email)
                    .post("/api/v1/acceptable-use/current/acknowledgements")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }

        /** A laptop owned by the person, in stock. */
        private String ownedBy(String personId) {
            return Api.createAsset(unique("MX"), "person", personId);
        }

        /**
         * A laptop owned by the run's group (the employee is a member), checked out to the person.
         */
        private String heldBy(String personId, String email) {
            String id = Api.createAsset(unique("MX"), "group", group);
            acknowledge(email);
            admin().header("If-Match", Api.etag(id))
                    .body(Map.of("personId", personId))
                    .post("/api/v1/assets/" + id + "/checkout")
                    .then()
                    .statusCode(200);
            return id;
        }

        private static String tagOf(String asset) {
            return admin().get("/api/v1/assets/" + asset).then().extract().path("assetTag");
        }

        private static String anHourAgo() {
            return TestClock.now()
                    .minus(1, ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }

        private static String personalDeviceIncident(String email) {
            return Api.as("employee", email)
                    .body(
                            Map.of(
                                    "device",
                                    Map.of("type", "phone", "description", "personal phone"),
                                    "kind",
                                    "stolen",
                                    "occurredAt",
                                    anHourAgo()))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        private static Map<String, Object> exceptionRequest() {
            return Map.of(
                    "clause",
                    "handling",
                    "justification",
                    "Needs an unencrypted lab machine",
                    "wantedUntil",
                    TestClock.today().plusDays(7).toString());
        }

        private static String exceptionBy(String email) {
            return Api.as("employee", email)
                    .body(exceptionRequest())
                    .post("/api/v1/exceptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        private static Map<String, Object> violationReport() {
            return Map.of(
                    "description", "A laptop left unlocked in the cafe", "clause", "handling");
        }

        private static String violationBy(String email) {
            return Api.as("employee", email)
                    .body(violationReport())
                    .post("/api/v1/violations")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        private Map<String, Object> offboardingStart(String email, boolean create) {
            if (create) {
                Api.createPerson(email);
            }
            return Map.of(
                    "person",
                    Map.of("email", email),
                    "lastWorkingDay",
                    TestClock.today().plusDays(30).toString(),
                    "reference",
                    unique("HR"));
        }

        /** Starts the person's off-boarding as the HR system: its id and its first item's. */
        private Map<String, String> offboard(String email) {
            Response started =
                    Api.as("hr-system", hr)
                            .body(offboardingStart(email, false))
                            .post("/api/v1/offboardings");
            started.then().statusCode(201);
            return Map.of("id", started.path("id"), "item", started.path("items[0].id"));
        }

        private static Map<String, Object> newPerson() {
            return Map.of(
                    "employeeId",
                    unique("E"),
                    "email",
                    unique("new") + "@example.com",
                    "displayName",
                    "Alan Turing");
        }

        private String importCsv() {
            return "assetTag,name,category,classification,owner\n"
                    + unique("IM")
                    + ",Build server,server,internal,"
                    + groupName
                    + "\n";
        }

        /** Waits until the import job has ended; returns its id. */
        private static String finished(String id) {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () ->
                                    Set.of("completed", "rejected", "failed")
                                            .contains(
                                                    admin().get("/api/v1/imports/" + id)
                                                            .then()
                                                            .extract()
                                                            .<String>path("state")));
            return id;
        }

        private static Map<String, Object> scimBody(String email, String employeeId, String given) {
            return Map.of(
                    "schemas",
                    List.of(SCIM_CORE),
                    "userName",
                    email,
                    "externalId",
                    employeeId,
                    "name",
                    Map.of("givenName", given, "familyName", "King"),
                    "emails",
                    List.of(Map.of("value", email, "type", "work", "primary", true)),
                    "active",
                    true);
        }

        private static Map<String, Object> patchOp(Map<String, Object> operation) {
            return Map.of("schemas", List.of(SCIM_PATCH), "Operations", List.of(operation));
        }

        private static Map<String, Object> scimGroupBody() {
            return Map.of(
                    "schemas",
                    List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                    "displayName",
                    unique("SCIM Team"));
        }

        private String scimGroup() {
            return Api.as("hr-system", hr)
                    .contentType(SCIM)
                    .accept(SCIM)
                    .body(scimGroupBody())
                    .post("/scim/v2/Groups")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        private Map<String, String> scimUser(String email, String employeeId) {
            String id =
                    Api.as("hr-system", hr)
                            .contentType(SCIM)
                            .accept(SCIM)
                            .body(scimBody(email, employeeId, "Ada"))
                            .post("/scim/v2/Users")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
            return Map.of("id", id);
        }
    }
}
