package io.custodian.asset.history;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.asset.TestClock;
import io.custodian.asset.inventory.Asset;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetHistoryTest {

    private static final String ADMIN = "it@example.com";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldRecordTheCreationWithTheAdminAsActor() {
        String group = createGroup(unique("G"));
        String tag = unique("LT");
        String id = createAsset(tag, "group", group);

        JsonPath history = history(id);
        assertThat(history.getList("items")).hasSize(1);
        assertThat(history.getString("items[0].action")).isEqualTo("created");
        assertThat(history.getString("items[0].actor")).isEqualTo(ADMIN);
        assertThat(Instant.parse(history.getString("items[0].at")))
                .isCloseTo(
                        TestClock.now(),
                        org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        List<Map<String, Object>> changes = history.getList("items[0].changes");
        assertThat(changes)
                .contains(
                        change("assetTag", null, tag),
                        change("status", null, "in_stock"),
                        change("category", null, "laptop"),
                        change("classification", null, "confidential"),
                        change("owner", null, Map.of("type", "group", "id", group)));
        assertThat(history.getString("next")).isNull();
    }

    @Test
    void shouldRecordALossReportAsAnUpdateByTheReporter() {
        String reporter = unique("ada") + "@example.com";
        String owner = createPerson(reporter);
        String id = createAsset(unique("LT"), "person", owner);

        reportLoss(reporter, id);

        JsonPath history =
                as("employee", reporter).get(path(id)).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items")).hasSize(2);
        assertThat(history.getString("items[1].action")).isEqualTo("updated");
        assertThat(history.getString("items[1].actor")).isEqualTo(reporter);
        assertThat(history.<Map<String, Object>>getList("items[1].changes"))
                .containsExactly(change("status", "in_stock", "lost"));
    }

    @Test
    void shouldShowThreeUpdatesByTwoActorsWithTheirDiffs() {
        String employee = unique("grace") + "@example.com";
        String person = createPerson(employee);
        String group = createGroup(unique("G"));
        String id = createAsset(unique("LT"), "person", person);

        // 1. the admin moves it (PATCH, merge patch)
        asAdmin()
                .contentType("application/merge-patch+json")
                .header("If-Match", etag(id))
                .body(Map.of("location", "Desk 4", "posture", Map.of("diskEncrypted", true)))
                .patch("/api/v1/assets/" + id)
                .then()
                .statusCode(200);
        // 2. the owner, an employee, reports it lost
        reportLoss(employee, id);
        // 3. the admin hands ownership to a group
        asAdmin()
                .header("If-Match", etag(id))
                .body(Map.of("type", "group", "id", group))
                .put("/api/v1/assets/" + id + "/owner")
                .then()
                .statusCode(200);

        JsonPath history = history(id);
        assertThat(history.getList("items")).hasSize(4);
        assertThat(history.getList("items.action"))
                .containsExactly("created", "updated", "updated", "updated");
        assertThat(history.getList("items.actor")).containsExactly(ADMIN, ADMIN, employee, ADMIN);
        List<Long> revisions = history.getList("items.revision", Long.class);
        assertThat(revisions).isSorted().doesNotHaveDuplicates();

        assertThat(history.<Map<String, Object>>getList("items[1].changes"))
                .containsExactly(
                        change("location", null, "Desk 4"),
                        change("posture.diskEncrypted", null, true));
        assertThat(history.<Map<String, Object>>getList("items[2].changes"))
                .containsExactly(change("status", "in_stock", "lost"));
        assertThat(history.<Map<String, Object>>getList("items[3].changes"))
                .containsExactly(
                        change(
                                "owner",
                                Map.of("type", "person", "id", person),
                                Map.of("type", "group", "id", group)));
    }

    @Test
    void shouldNameTheSystemOrAnExplicitActorForChangesWithoutARequest() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        UUID uuid = UUID.fromString(id);

        QuarkusTransaction.requiringNew()
                .run(() -> Asset.<Asset>findById(uuid).notes = "Found in the basement");
        Actors.runAs(
                "nightly-import",
                () -> {
                    QuarkusTransaction.requiringNew()
                            .run(() -> Asset.<Asset>findById(uuid).model = "A2918");
                    return null;
                });

        JsonPath history = history(id);
        assertThat(history.getList("items.actor"))
                .containsExactly(ADMIN, "system", "nightly-import");
        assertThat(history.<Map<String, Object>>getList("items[1].changes"))
                .containsExactly(change("notes", null, "Found in the basement"));
        assertThat(history.<Map<String, Object>>getList("items[2].changes"))
                .containsExactly(change("model", null, "A2918"));
    }

    @Test
    void shouldPageThroughTheHistoryReturningEveryEntryOnceInOrder() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        for (int i = 1; i <= 4; i++) {
            asAdmin()
                    .header("If-Match", etag(id))
                    .body(Map.of("location", "Desk " + i))
                    .patch("/api/v1/assets/" + id)
                    .then()
                    .statusCode(200);
        }
        List<Long> all = history(id).getList("items.revision", Long.class);
        assertThat(all).hasSize(5);

        List<Long> paged = new ArrayList<>();
        List<Map<String, Object>> firstChanges = new ArrayList<>();
        String next = "/api/v1/assets/" + id + "/history?limit=2";
        int pages = 0;
        while (next != null) {
            JsonPath page = asAdmin().get(next).then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.revision", Long.class));
            firstChanges.add(page.getMap("items[0].changes[0]"));
            next = page.getString("next");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(all);
        // a page's first entry is still diffed against the entry before it, on the previous page
        assertThat(firstChanges.get(1)).isEqualTo(change("location", "Desk 1", "Desk 2"));
        assertThat(firstChanges.get(2)).isEqualTo(change("location", "Desk 3", "Desk 4"));

        asAdmin()
                .get("/api/v1/assets/" + id + "/history?limit=1001")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldShowTheHistoryOnlyToThoseWhoMayReadTheAsset() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));

        as("auditor", "audit@example.com").get(path(id)).then().statusCode(200);
        as("leadership", "ceo@example.com").get(path(id)).then().statusCode(200);
        as("employee", unique("stranger") + "@example.com")
                .get(path(id))
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("hr-system", "hr@example.com").get(path(id)).then().statusCode(403).contentType(PROBLEM);
        asAdmin()
                .get(path(UUID.randomUUID().toString()))
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        io.custodian.asset.Api.anonymous().get(path(id)).then().statusCode(401);
    }

    @Test
    void shouldRefuseToRewriteOrEraseHistoryInTheDatabase() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        for (String sql :
                List.of(
                        "update asset_aud set name = 'forged' where id = cast(?1 as uuid)",
                        "delete from asset_aud where id = cast(?1 as uuid)",
                        "update revinfo set actor = 'someone-else' where rev in"
                                + " (select rev from asset_aud where id = cast(?1 as uuid))",
                        "delete from revinfo where rev in"
                                + " (select rev from asset_aud where id = cast(?1 as uuid))")) {
            assertThatThrownBy(
                            () ->
                                    QuarkusTransaction.requiringNew()
                                            .run(
                                                    () ->
                                                            Panache.getEntityManager()
                                                                    .createNativeQuery(sql)
                                                                    .setParameter(1, id)
                                                                    .executeUpdate()))
                    .as(sql)
                    .hasStackTraceContaining("append-only");
        }
        assertThatThrownBy(
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .run(
                                                () ->
                                                        Panache.getEntityManager()
                                                                .createNativeQuery(
                                                                        "truncate person_aud"
                                                                                + " cascade")
                                                                .executeUpdate()))
                .hasStackTraceContaining("append-only");

        JsonPath history = history(id);
        assertThat(history.getList("items")).hasSize(1);
        assertThat(history.getString("items[0].actor")).isEqualTo(ADMIN);
    }

    @Test
    void shouldRecordEveryChangeOfPeopleAndGroupsWithTheirActors() {
        String email = unique("lin") + "@example.com";
        String employeeId = unique("E");
        String person =
                as("hr-system", "hr@example.com")
                        .body(Map.of("email", email, "displayName", "Lin"))
                        .put("/api/v1/people/by-employee-id/" + employeeId)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String renamed = unique("lin.wu") + "@example.com";
        as("hr-system", "hr@example.com")
                .body(Map.of("email", renamed, "displayName", "Lin"))
                .put("/api/v1/people/by-employee-id/" + employeeId)
                .then()
                .statusCode(200);
        String group = createGroup(unique("G"));
        asAdmin().put("/api/v1/groups/" + group + "/members/" + person).then().statusCode(200);

        assertThat(
                        rows(
                                "select r.actor, a.revtype, a.email from person_aud a"
                                        + " join revinfo r on r.rev = a.rev"
                                        + " where a.id = cast(?1 as uuid) order by a.rev",
                                person))
                // an e-mail change (which moves the person's identity) is in the history
                .containsExactly(
                        List.of("hr@example.com", 0, email), List.of("hr@example.com", 1, renamed));
        assertThat(
                        rows(
                                "select r.actor, a.revtype, a.name from asset_group_aud a"
                                        + " join revinfo r on r.rev = a.rev"
                                        + " where a.id = cast(?1 as uuid) order by a.rev",
                                group))
                .extracting(row -> row.subList(0, 2))
                // created, then changed by the new member (a change of its collection)
                .containsExactly(List.of(ADMIN, 0), List.of(ADMIN, 1));
        assertThat(
                        rows(
                                "select r.actor, a.revtype, cast(a.person_id as text)"
                                        + " from group_member_aud a join revinfo r on r.rev = a.rev"
                                        + " where a.group_id = cast(?1 as uuid) order by a.rev",
                                group))
                .containsExactly(List.of(ADMIN, 0, person));
    }

    /** Rows of a native query, each a list of its columns (numbers as ints). */
    private static List<List<Object>> rows(String sql, String parameter) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            List<?> result =
                                    Panache.getEntityManager()
                                            .createNativeQuery(sql)
                                            .setParameter(1, parameter)
                                            .getResultList();
                            List<List<Object>> rows = new ArrayList<>();
                            for (Object row : result) {
                                List<Object> columns = new ArrayList<>();
                                for (Object column : (Object[]) row) {
                                    columns.add(column instanceof Number n ? n.intValue() : column);
                                }
                                rows.add(columns);
                            }
                            return rows;
                        });
    }

    private static JsonPath history(String id) {
        return asAdmin().get(path(id)).then().statusCode(200).extract().jsonPath();
    }

    private static String path(String id) {
        return "/api/v1/assets/" + id + "/history";
    }

    private static String etag(String id) {
        return asAdmin()
                .get("/api/v1/assets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static void reportLoss(String reporter, String id) {
        as("employee", reporter)
                .body(
                        Map.of(
                                "assetId",
                                id,
                                "kind",
                                "lost",
                                "occurredAt",
                                TestClock.now().minus(10, ChronoUnit.MINUTES).toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
    }

    private static Map<String, Object> change(String field, Object from, Object to) {
        Map<String, Object> change = new HashMap<>();
        change.put("field", field);
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
