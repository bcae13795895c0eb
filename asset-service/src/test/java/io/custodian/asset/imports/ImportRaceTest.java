package io.custodian.asset.imports;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.hold;
import static io.custodian.asset.Api.offboard;
import static io.custodian.asset.Api.publishAcceptableUse;
import static io.custodian.asset.Api.startOffboarding;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.imports.ImportTest.asset;
import static io.custodian.asset.imports.ImportTest.awaitImport;
import static io.custodian.asset.imports.ImportTest.finished;
import static io.custodian.asset.imports.ImportTest.submitImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.custodian.asset.Sql;
import io.custodian.asset.TestClock;
import io.custodian.asset.imports.Triggers.Gate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An import racing other writers of the register, both orders of each race forced with gates
 * ({@link Triggers}): one side has written its row and holds its transaction open while the other
 * runs into it, then both go on.
 */
@QuarkusTest
class ImportRaceTest {

    private static final Duration BLOCKED = Duration.ofSeconds(20);

    @Inject DataSource dataSource;

    enum First {
        IMPORT,
        API
    }

    /**
     * The import and {@code POST /api/v1/assets} create the same tag at the same moment: one asset
     * has it afterwards. The later create is a 409 naming {@code assetTag}; an import that runs
     * into a create updates the asset it made; the history holds exactly what happened to it.
     */
    @ParameterizedTest(name = "{0} writes the tag first")
    @EnumSource(First.class)
    void shouldKeepOneAssetPerTagWhenAnImportRacesAnApiCreate(First first) throws Exception {
        String p = unique("RC");
        String group = createGroup("Race " + p);
        String tag = p + "-1";
        String csv =
                "assetTag,name,category,classification,owner\n"
                        + tag
                        + ",Imported laptop,laptop,internal,Race "
                        + p
                        + "\n"
                        + p
                        + "-2,Imported phone,phone,internal,Race "
                        + p
                        + "\n";
        Supplier<Response> create =
                () ->
                        asAdmin()
                                .body(
                                        Map.of(
                                                "assetTag", tag,
                                                "name", "Created laptop",
                                                "category", "laptop",
                                                "classification", "restricted",
                                                "owner", Map.of("type", "group", "id", group)))
                                .post("/api/v1/assets");

        Response created;
        JsonPath job;
        try (Triggers triggers = new Triggers(dataSource)) {
            Gate gate = triggers.gate();
            triggers.holdAt(gate, "asset", "insert", "new.asset_tag = " + Triggers.quote(tag));
            String path;
            CompletableFuture<Response> creating;
            if (first == First.IMPORT) {
                path = submitImport(csv, "");
                until(() -> assertThat(triggers.waitingAtGates()).isEqualTo(1));
                creating = async(create);
                until(() -> assertThat(triggers.waitingForRows()).isEqualTo(1));
            } else {
                creating = async(create);
                until(() -> assertThat(triggers.waitingAtGates()).isEqualTo(1));
                path = submitImport(csv, "");
                until(() -> assertThat(triggers.waitingForRows()).isEqualTo(1));
            }
            triggers.open(gate);
            created = creating.get(30, TimeUnit.SECONDS);
            job = awaitImport(path);
        }

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(count("select count(*) from asset where asset_tag = ?", tag)).isEqualTo(1);
        JsonPath asset = asset(tag);
        // the row of the file describes the asset, whoever made it
        assertThat(asset.getString("name")).isEqualTo("Imported laptop");
        assertThat(asset.getString("classification")).isEqualTo("internal");
        List<Map<String, Object>> history =
                asAdmin()
                        .get("/api/v1/assets/" + asset.getString("id") + "/history")
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .extract()
                        .jsonPath()
                        .getList("items");
        if (first == First.IMPORT) {
            created.then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("assetTag"));
            assertThat(job.getLong("rowsImported.created")).isEqualTo(2);
            assertThat(job.getLong("rowsImported.updated")).isZero();
            assertThat(history)
                    .extracting(h -> h.get("action") + "/" + h.get("revision"))
                    .containsExactly("created/" + job.getLong("revision"));
        } else {
            created.then()
                    .statusCode(201)
                    .contentType("application/json")
                    .body("assetTag", org.hamcrest.Matchers.equalTo(tag));
            assertThat(asset.getString("id")).isEqualTo(created.path("id"));
            assertThat(job.getLong("rowsImported.created")).isEqualTo(1);
            assertThat(job.getLong("rowsImported.updated")).isEqualTo(1);
            assertThat(history)
                    .extracting(h -> h.get("action"))
                    .containsExactly("created", "updated");
            assertThat(history.get(1).get("revision")).isEqualTo(job.getInt("revision"));
        }
        // no history of an asset that does not exist, no event about one
        assertThat(
                        count(
                                "select count(*) from asset_aud where asset_tag = ? and id <> ?",
                                tag,
                                java.util.UUID.fromString(asset.getString("id"))))
                .isZero();
        assertThat(
                        count(
                                "select count(*) from outbox_event where aggregate_id in"
                                        + " (select id::text from asset_aud where asset_tag = ?)",
                                tag))
                .isZero();
    }

    enum Starts {
        IMPORT,
        OFFBOARDING
    }

    /**
     * HR starts the off-boarding of a person while an import hands one of their assets to a group
     * (and renames another they keep owning, and one they hold): afterwards the pending items are
     * exactly what the register says they hold and own — no transfer left pending for the asset
     * that went to the group, none missing for those they still have.
     */
    @ParameterizedTest(name = "{0} starts first")
    @EnumSource(Starts.class)
    void shouldMatchTheOffboardingToTheRegisterWhenAnImportRacesIt(Starts first) throws Exception {
        String p = unique("RO");
        String group = createGroup("Finance " + p);
        String email = unique("leaver").toLowerCase() + "@example.com";
        String leaver = createPerson(email);
        String moved = createAsset(p + "-1", "person", leaver);
        createAsset(p + "-2", "person", leaver);
        String held = createAsset(p + "-3", "group", group);
        publishAcceptableUse();
        hold(held, leaver, email);
        String csv =
                "assetTag,name,category,classification,status,owner\n"
                        + (p + "-1,Budget workbook,laptop,confidential,in_stock,Finance " + p)
                        + "\n"
                        + (p + "-2,Renamed laptop,laptop,confidential,in_stock," + email)
                        + "\n"
                        + (p + "-3,Renamed held laptop,laptop,confidential,in_use,Finance " + p)
                        + "\n";

        Response started;
        JsonPath job;
        try (Triggers triggers = new Triggers(dataSource)) {
            // the import's change of owner, and the off-boarding's item for that asset, each wait
            // with their transaction open
            Gate importing = triggers.gate();
            Gate offboarding = triggers.gate();
            triggers.holdAt(importing, "asset", "update", "new.id = " + Triggers.quote(moved));
            triggers.holdAt(
                    offboarding,
                    "offboarding_item",
                    "insert",
                    "new.asset_id = " + Triggers.quote(moved));
            String path;
            CompletableFuture<Response> starting;
            if (first == Starts.IMPORT) {
                path = submitImport(csv, "");
                until(() -> assertThat(triggers.waitingAtGates()).isEqualTo(1));
                starting = async(() -> startOffboarding(email));
            } else {
                starting = async(() -> startOffboarding(email));
                until(() -> assertThat(triggers.waitingAtGates()).isEqualTo(1));
                path = submitImport(csv, "");
            }
            // both underway: each at its gate, or waiting for the other
            until(() -> assertThat(triggers.waiting()).isEqualTo(2));
            triggers.open(importing);
            // the import ends, unless it waits for the off-boarding (or the off-boarding for it)
            until(() -> assertThat(finished(path) || triggers.waitingForRows() > 0).isTrue());
            triggers.open(offboarding);
            started = starting.get(30, TimeUnit.SECONDS);
            job = awaitImport(path);
        }

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.updated")).isEqualTo(3);
        started.then().statusCode(201).contentType("application/json");
        JsonPath o =
                asAdmin()
                        .get("/api/v1/offboardings/" + started.path("id"))
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> items = o.getList("items");
        // what the register says the person holds and owns
        assertThat(tags("holderId=" + leaver)).containsExactly(p + "-3");
        assertThat(tags("ownerType=person&ownerId=" + leaver)).containsExactly(p + "-2");
        assertThat(items)
                .filteredOn(i -> "pending".equals(i.get("status")))
                .extracting(i -> i.get("kind") + "/" + tagOf(i))
                .containsExactlyInAnyOrder("return/" + p + "-3", "ownership_transfer/" + p + "-2");
        // the asset the group got: the off-boarding read it as the leaver's (before the import's
        // commit, in either order), and the import settled that item
        assertThat(items)
                .filteredOn(i -> (p + "-1").equals(tagOf(i)))
                .extracting(i -> i.get("kind") + "/" + i.get("status") + "/" + i.get("closedBy"))
                .containsExactly("ownership_transfer/transferred/it@example.com");
        assertThat(o.getString("status")).isEqualTo("open");
    }

    /**
     * A check-in that completes a leaver's off-boarding (it writes the asset, then the person)
     * while an import writes the same asset and hands another of theirs to a group (it takes that
     * person after the asset): both go through, one after the other, with no deadlock between them.
     */
    @org.junit.jupiter.api.Test
    void shouldLetACheckInThatCompletesAnOffboardingAndAnImportBothGoThrough() throws Exception {
        String p = unique("RK");
        String group = createGroup("Finance " + p);
        String email = unique("leaver").toLowerCase() + "@example.com";
        String leaver = createPerson(email);
        createAsset(p + "-1", "person", leaver);
        String held = createAsset(p + "-2", "group", group);
        publishAcceptableUse();
        hold(held, leaver, email);
        JsonPath started = offboard(email);
        String transfer = started.getString("items.find { it.kind == 'ownership_transfer' }.id");
        as("leadership", "ceo@example.com")
                .body(Map.of("reason", "Handed over in the exit meeting"))
                .post(
                        "/api/v1/offboardings/"
                                + started.getString("id")
                                + "/items/"
                                + transfer
                                + "/waiver")
                .then()
                .statusCode(200);
        String csv =
                "assetTag,name,category,classification,status,owner\n"
                        + (p + "-1,Budget workbook,laptop,confidential,in_stock,Finance " + p)
                        + "\n"
                        + (p + "-2,Renamed laptop,laptop,confidential,in_stock,Finance " + p)
                        + "\n";

        Response checkedIn;
        JsonPath job;
        try (Triggers triggers = new Triggers(dataSource)) {
            Gate gate = triggers.gate();
            triggers.holdAt(
                    gate,
                    "asset",
                    "update",
                    "new.id = " + Triggers.quote(held) + " and new.holder_id is null");
            String etag = etag(held);
            CompletableFuture<Response> checkingIn =
                    async(
                            () ->
                                    asAdmin()
                                            .header("If-Match", etag)
                                            .body(Map.of("condition", "Good"))
                                            .post("/api/v1/assets/" + held + "/checkin"));
            until(() -> assertThat(triggers.waitingAtGates()).isEqualTo(1));
            String path = submitImport(csv, "");
            until(() -> assertThat(triggers.waitingForRows()).isEqualTo(1));
            triggers.open(gate);
            checkedIn = checkingIn.get(30, TimeUnit.SECONDS);
            job = awaitImport(path);
        }

        checkedIn.then().statusCode(200).contentType("application/json");
        assertThat(job.getString("failure")).isNull();
        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.updated")).isEqualTo(2);
        assertThat(asset(p + "-2").getString("holder")).isNull();
        assertThat(asset(p + "-2").getString("name")).isEqualTo("Renamed laptop");
        asAdmin()
                .get("/api/v1/offboardings/" + started.getString("id"))
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", org.hamcrest.Matchers.equalTo("completed"));
    }

    /**
     * A loss is reported ({@code POST /api/v1/incidents}) while an import changes the same asset:
     * the import waits for the report and keeps its status — a workflow state wins over the file,
     * also when it came after the merge had begun.
     */
    @org.junit.jupiter.api.Test
    void shouldKeepALossReportedWhileAnImportChangesTheAsset() throws Exception {
        String p = unique("RL");
        String group = createGroup("Field " + p);
        String tag = p + "-1";
        String asset = createAsset(tag, "group", group);
        String csv =
                "assetTag,name,category,classification,status,owner\n"
                        + (tag + ",Renamed laptop,laptop,confidential,in_use,Field " + p)
                        + "\n";

        Response reported;
        JsonPath job;
        try (Triggers triggers = new Triggers(dataSource)) {
            Gate gate = triggers.gate();
            triggers.holdAt(
                    gate,
                    "asset",
                    "update",
                    "new.id = " + Triggers.quote(asset) + " and new.status = 'LOST'");
            CompletableFuture<Response> reporting =
                    async(
                            () ->
                                    asAdmin()
                                            .body(
                                                    Map.of(
                                                            "assetTag",
                                                            tag,
                                                            "kind",
                                                            "lost",
                                                            "occurredAt",
                                                            TestClock.now()
                                                                    .minusSeconds(600)
                                                                    .toString(),
                                                            "location",
                                                            "Train to York"))
                                            .post("/api/v1/incidents"));
            until(() -> assertThat(triggers.waitingAtGates()).isEqualTo(1));
            String path = submitImport(csv, "");
            until(() -> assertThat(triggers.waitingForRows()).isEqualTo(1));
            triggers.open(gate);
            reported = reporting.get(30, TimeUnit.SECONDS);
            job = awaitImport(path);
        }

        reported.then().statusCode(201).contentType("application/json");
        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.updated")).isEqualTo(1);
        JsonPath now = asset(tag);
        assertThat(now.getString("status")).isEqualTo("lost");
        assertThat(now.getString("name")).isEqualTo("Renamed laptop");
        assertThat(
                        asAdmin()
                                .get("/api/v1/assets/" + asset + "/history")
                                .then()
                                .statusCode(200)
                                .contentType("application/json")
                                .extract()
                                .jsonPath()
                                .getList("items.action", String.class))
                .hasSize(3)
                .endsWith("updated");
    }

    /** The tags of the assets this filter of {@code GET /api/v1/assets} lists. */
    private static List<String> tags(String filter) {
        return asAdmin()
                .get("/api/v1/assets?" + filter)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getList("items.assetTag");
    }

    @SuppressWarnings("unchecked")
    private static Object tagOf(Map<String, Object> item) {
        return ((Map<String, Object>) item.get("asset")).get("assetTag");
    }

    /** Runs the request on a thread of its own, at once. */
    private static <T> CompletableFuture<T> async(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, r -> new Thread(r, "race").start());
    }

    private static void until(ThrowingRunnable condition) {
        await().atMost(BLOCKED).pollInterval(Duration.ofMillis(50)).untilAsserted(condition);
    }

    private long count(String sql, Object... parameters) {
        return Sql.count(dataSource, sql, parameters);
    }
}
