package io.custodian.asset.inventory;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.MassAssignment.PROTECTED;
import static io.custodian.asset.MassAssignment.assertUnchanged;
import static io.custodian.asset.MassAssignment.assertUnknownField;
import static io.custodian.asset.MassAssignment.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every write on an asset takes only the fields of its own operation: owner, status, holder, id,
 * version, timestamps and roles sent to the wrong one are refused by name and change nothing, the
 * history included.
 */
@QuarkusTest
class AssetMassAssignmentTest {

    private static final String ASSETS = "/api/v1/assets";

    @Test
    void shouldRefuseProtectedFieldsOnCreateAndCreateNothing() {
        String group = createGroup(unique("G"));
        PROTECTED.forEach(
                (field, value) -> {
                    if (field.equals("owner")) {
                        return; // create names the owner, of course
                    }
                    String tag = unique("MA");
                    Response response =
                            asAdmin().body(with(laptop(tag, group), field, value)).post(ASSETS);
                    assertUnknownField(response, field);
                    assertThat(
                                    QuarkusTransaction.requiringNew()
                                            .call(() -> Asset.count("assetTag", tag)))
                            .as(field)
                            .isZero();
                });
    }

    @Test
    void shouldRefuseProtectedFieldsOnReplaceAndPatchAndChangeNothing() {
        String group = createGroup(unique("G"));
        String tag = unique("MA");
        String asset = createAsset(tag, "group", group);
        Snapshot before = Snapshot.of(asset);
        Map<String, Object> details = details();

        for (Map.Entry<String, Object> probe : probes(Map.of("assetTag", "HIJACK-1"))) {
            String field = probe.getKey();
            assertUnknownField(
                    asAdmin()
                            .header("If-Match", before.etag)
                            .body(with(details, field, probe.getValue()))
                            .put(ASSETS + "/" + asset),
                    field);
            assertUnknownField(
                    asAdmin()
                            .header("If-Match", before.etag)
                            .contentType("application/merge-patch+json")
                            .body(Map.of(field, probe.getValue()))
                            .patch(ASSETS + "/" + asset),
                    field);
        }
        // a merge patch's null removes a member: still not a field PATCH may touch
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("owner", null);
        assertUnknownField(
                asAdmin()
                        .header("If-Match", before.etag)
                        .contentType("application/merge-patch+json")
                        .body(nulls)
                        .patch(ASSETS + "/" + asset),
                "owner");
        // nor can it be smuggled inside a nested object
        assertUnknownField(
                asAdmin()
                        .header("If-Match", before.etag)
                        .contentType("application/merge-patch+json")
                        .body(Map.of("posture", Map.of("diskEncrypted", true, "status", "in_use")))
                        .patch(ASSETS + "/" + asset),
                "posture.status");

        assertUnchanged(before.asset, Snapshot.of(asset).asset);
        assertThat(Snapshot.of(asset)).isEqualTo(before);
    }

    @Test
    void shouldRefuseProtectedFieldsOnEveryLifecycleAction() {
        String group = createGroup(unique("G"));
        String asset = createAsset(unique("MA"), "group", group);
        String person = createPerson(unique("ada") + "@example.com");
        Snapshot before = Snapshot.of(asset);

        Map<String, Map<String, Object>> actions = new LinkedHashMap<>();
        actions.put("/transitions", Map.of("status", "in_repair", "reason", "Screen"));
        actions.put("/owner", Map.of("type", "group", "id", group));
        actions.put("/checkout", Map.of("personId", person, "note", "Desk 4"));
        actions.put("/checkin", Map.of("condition", "good"));
        actions.forEach(
                (action, body) -> {
                    for (Map.Entry<String, Object> probe : probes(Map.of())) {
                        if (body.containsKey(probe.getKey())) {
                            continue;
                        }
                        RequestSpecification request =
                                asAdmin()
                                        .header("If-Match", before.etag)
                                        .body(with(body, probe.getKey(), probe.getValue()));
                        String path = ASSETS + "/" + asset + action;
                        assertUnknownField(
                                action.equals("/owner") ? request.put(path) : request.post(path),
                                probe.getKey());
                    }
                });

        assertThat(Snapshot.of(asset)).isEqualTo(before);
    }

    @Test
    void shouldRecordTheAttesterFromTheTokenAndRefuseATimestampInTheBody() {
        String email = unique("ada") + "@example.com";
        String asset = createAsset(unique("MA"), "person", createPerson(email));
        Snapshot before = Snapshot.of(asset);

        for (Map.Entry<String, Object> probe :
                probes(
                        Map.of(
                                "verifiedBy",
                                "ceo@example.com",
                                "verifiedAt",
                                "2020-01-01T00:00:00Z"))) {
            assertUnknownField(
                    as("employee", email)
                            .body(
                                    with(
                                            Map.of("note", "On my desk"),
                                            probe.getKey(),
                                            probe.getValue()))
                            .post(ASSETS + "/" + asset + "/verifications"),
                    probe.getKey());
        }
        assertThat(Snapshot.of(asset)).isEqualTo(before);

        as("employee", email)
                .body(Map.of("note", "On my desk"))
                .post(ASSETS + "/" + asset + "/verifications")
                .then()
                .statusCode(200);
        assertThat(
                        QuarkusTransaction.requiringNew()
                                .call(
                                        () ->
                                                Verification.<Verification>list(
                                                                "asset.id",
                                                                java.util.UUID.fromString(asset))
                                                        .stream()
                                                        .map(v -> v.verifiedBy)
                                                        .toList()))
                .containsExactly(email);
    }

    @Test
    void shouldNotLetAnEmployeeWriteTheirOwnAssetAtAll() {
        String email = unique("ada") + "@example.com";
        String asset = createAsset(unique("MA"), "person", createPerson(email));
        Snapshot before = Snapshot.of(asset);
        BiFunction<String, Map<String, Object>, Response> put =
                (path, body) ->
                        as("employee", email)
                                .header("If-Match", before.etag)
                                .body(body)
                                .put(ASSETS + "/" + asset + path);

        put.apply("", details()).then().statusCode(403).contentType("application/problem+json");
        put.apply("/owner", Map.of("type", "group", "id", createGroup(unique("G"))))
                .then()
                .statusCode(403);
        as("employee", email)
                .header("If-Match", before.etag)
                .body(Map.of("status", "disposed"))
                .post(ASSETS + "/" + asset + "/transitions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        assertThat(Snapshot.of(asset)).isEqualTo(before);
    }

    /** The protected fields plus extra ones, minus those this operation legitimately takes. */
    private static List<Map.Entry<String, Object>> probes(Map<String, Object> extra) {
        Map<String, Object> all = new LinkedHashMap<>(PROTECTED);
        all.putAll(extra);
        return List.copyOf(all.entrySet());
    }

    private record Snapshot(Map<String, Object> asset, String etag, int historyEntries) {
        static Snapshot of(String id) {
            Response read = asAdmin().get(ASSETS + "/" + id);
            read.then().statusCode(200).contentType("application/json");
            int history =
                    asAdmin()
                            .get(ASSETS + "/" + id + "/history")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items")
                            .size();
            return new Snapshot(read.jsonPath().getMap(""), read.header("ETag"), history);
        }
    }

    private static Map<String, Object> laptop(String tag, String group) {
        Map<String, Object> body = new LinkedHashMap<>(details());
        body.put("assetTag", tag);
        body.put("owner", Map.of("type", "group", "id", group));
        return body;
    }

    private static Map<String, Object> details() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "MacBook Pro 14");
        body.put("category", "laptop");
        body.put("classification", "confidential");
        return body;
    }
}
