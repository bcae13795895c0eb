package io.custodian.asset.imports;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.imports.ImportTest.runImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code GET /api/v1/exports?format=csv} writes, Custodian's import dialect reads back: the
 * same columns, the formula-defusing {@code '} taken off again, and nothing changes.
 */
@QuarkusTest
class ExportImportRoundTripTest {

    @Test
    void shouldImportAnExportBackWithoutChangingAnything() {
        String p = unique("RT");
        String groupName = "Round trip ✓ " + p;
        String group = createGroup(groupName);
        String personEmail = unique("ada") + "@example.com";
        String person = createPerson(personEmail);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(
                "1",
                create(
                        p + "-1",
                        "=SUM(A1)",
                        "laptop",
                        "restricted",
                        "group",
                        group,
                        Map.of(
                                "serialNumber", "C02-" + p,
                                "manufacturer", "Apple",
                                "model", "Mac14,9",
                                "location", "Zürich, \"HQ\"",
                                "purchaseDate", "2025-03-01",
                                "warrantyUntil", "2028-03-01",
                                "notes", "line one\nline two, with a comma\n",
                                "posture",
                                        Map.of(
                                                "diskEncrypted",
                                                true,
                                                "mdmEnrolled",
                                                false,
                                                "screenLock",
                                                true))));
        ids.put(
                "2",
                create(
                        p + "-2",
                        "-5 dBm",
                        "network_device",
                        "internal",
                        "group",
                        group,
                        Map.of("model", "-", "location", "@rack 4", "notes", "\t=1+1")));
        ids.put(
                "3",
                create(
                        p + "-3",
                        "'Quoted' switch",
                        "network_device",
                        "public",
                        "group",
                        group,
                        Map.of("manufacturer", "+Plus Ltd", "notes", "'kept as typed")));
        ids.put(
                "4",
                create(
                        p + "-4",
                        "Jörg’s +44 phone",
                        "phone",
                        "confidential",
                        "person",
                        person,
                        Map.of("notes", "\r=2+2")));
        Map<String, Object> before = new HashMap<>();
        Map<String, String> etags = new HashMap<>();
        for (var id : ids.entrySet()) {
            before.put(id.getKey(), read(id.getValue()));
            etags.put(id.getKey(), asAdmin().get("/api/v1/assets/" + id.getValue()).header("ETag"));
        }

        String groupCsv = export("group", group);
        String personCsv = export("person", person);
        assertThat(groupCsv)
                .contains("'=SUM(A1)")
                .contains("'-5 dBm")
                .contains("\"'Quoted' switch\"");

        for (var file : List.of(Map.entry(groupCsv, 3L), Map.entry(personCsv, 1L))) {
            String csv = file.getKey();
            JsonPath dry = runImport(csv, "dialect=custodian&dryRun=true");
            assertThat(dry.getString("state")).as(dry.prettify()).isEqualTo("completed");
            assertThat(dry.getLong("rowsRejected")).isZero();
            assertThat(dry.getLong("rowsImported.created")).isZero();
            assertThat(dry.getLong("rowsImported.updated")).isZero();
            assertThat(dry.getLong("rowsRead")).isEqualTo(file.getValue());
            assertThat(dry.getLong("rowsImported.unchanged")).isEqualTo(file.getValue());

            JsonPath real = runImport(csv, "");
            assertThat(real.getString("state")).isEqualTo("completed");
            assertThat(real.getString("dialect")).isEqualTo("custodian");
            assertThat(real.getLong("rowsRejected")).isZero();
            assertThat(real.getLong("rowsImported.created")).isZero();
            assertThat(real.getLong("rowsImported.updated")).isZero();
            assertThat(real.getLong("rowsImported.unchanged")).isEqualTo(file.getValue());
        }

        for (var id : ids.entrySet()) {
            assertThat(read(id.getValue())).isEqualTo(before.get(id.getKey()));
            assertThat(asAdmin().get("/api/v1/assets/" + id.getValue()).header("ETag"))
                    .isEqualTo(etags.get(id.getKey()));
        }
        JsonPath formula = new JsonPath(asAdmin().get("/api/v1/assets/" + ids.get("1")).asString());
        assertThat(formula.getString("name")).isEqualTo("=SUM(A1)");
        assertThat(formula.getString("notes")).isEqualTo("line one\nline two, with a comma\n");
        JsonPath dbm = new JsonPath(asAdmin().get("/api/v1/assets/" + ids.get("2")).asString());
        assertThat(dbm.getString("name")).isEqualTo("-5 dBm");
        assertThat(dbm.getString("notes")).isEqualTo("\t=1+1");
        assertThat(
                        new JsonPath(asAdmin().get("/api/v1/assets/" + ids.get("3")).asString())
                                .getString("name"))
                .isEqualTo("'Quoted' switch");
        assertThat(export("group", group)).isEqualTo(groupCsv);
        assertThat(export("person", person)).isEqualTo(personCsv);
    }

    @Test
    void shouldTakeTheOwnerTypeOfAnExportAtItsWord() {
        String p = unique("OT");
        // a group named like a person: the export's ownerType says which is meant
        String name = "Ada Lovelace " + p;
        String group = createGroup(name);
        createPerson(unique("ada") + "@example.com", name);
        String csv =
                "assetTag,name,category,classification,owner,ownerType\n"
                        + p
                        + "-1,Build server,server,internal,"
                        + name
                        + ",group\n"
                        + p
                        + "-2,Build agent,server,internal,"
                        + name
                        + ",team\n";

        JsonPath job = runImport(csv, "mode=skip-invalid");

        assertThat(job.getLong("rowsImported.created")).isEqualTo(1);
        assertThat(job.getLong("rowsRejected")).isEqualTo(1);
        String id =
                asAdmin()
                        .queryParam("assetTag", p + "-1")
                        .get("/api/v1/assets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items[0].id");
        assertThat(
                        new JsonPath(asAdmin().get("/api/v1/assets/" + id).asString())
                                .getString("owner.id"))
                .isEqualTo(group);
        assertThat(
                        asAdmin()
                                .get("/api/v1/imports/" + job.getString("id") + "/errors")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("items", Map.class))
                .extracting(e -> e.get("row") + "/" + e.get("column") + "/" + e.get("reason"))
                .containsExactly("3/ownerType/must be person or group");
    }

    private static String create(
            String tag,
            String name,
            String category,
            String classification,
            String ownerType,
            String ownerId,
            Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("assetTag", tag);
        body.put("name", name);
        body.put("category", category);
        body.put("classification", classification);
        body.put("owner", Map.of("type", ownerType, "id", ownerId));
        return createAsset(body);
    }

    private static Map<String, Object> read(String id) {
        return asAdmin()
                .get("/api/v1/assets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    static String export(String ownerType, String ownerId) {
        byte[] body =
                asAdmin()
                        .accept("text/csv")
                        .queryParam("format", "csv")
                        .queryParam("ownerType", ownerType)
                        .queryParam("ownerId", ownerId)
                        .get("/api/v1/exports")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/csv"))
                        .extract()
                        .asByteArray();
        return new String(body, StandardCharsets.UTF_8);
    }
}
