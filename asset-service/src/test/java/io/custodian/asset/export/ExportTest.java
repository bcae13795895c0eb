package io.custodian.asset.export;

import static io.custodian.asset.Api.anonymous;
import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.custodian.asset.inventory.Asset;
import io.custodian.asset.ownership.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String HEADER =
            "assetTag,name,category,originalCategory,classification,status,serialNumber,manufacturer,model,"
                + "owner,ownerType,ownerId,ownerName,holderEmail,location,purchaseDate,warrantyUntil,"
                + "diskEncrypted,mdmEnrolled,screenLock,lastVerifiedAt,nextVerificationDue,notes";

    /** Two laptops of one team (one held, with every field) among assets the filter leaves out. */
    record Fixture(
            String group,
            String groupName,
            String holderEmail,
            String serial,
            String a,
            String d) {}

    private Fixture fixture() {
        String groupName = unique("Export team ✓");
        String group = createGroup(groupName);
        String other = createGroup(unique("Other"));
        String holderEmail = unique("zoe") + "@example.com";
        String holder = createPerson(holderEmail);
        String prefix = unique("EX");
        String a = prefix + "-a";
        String d = prefix + "-d";
        Map<String, Object> full = new HashMap<>();
        String serial = unique("C02-ÄÖÜ");
        full.put("serialNumber", serial);
        full.put("manufacturer", "Apple");
        full.put("model", "Mac14,9");
        full.put("location", "Zürich, \"HQ\"");
        full.put("purchaseDate", "2025-03-01");
        full.put("warrantyUntil", "2028-03-01");
        full.put(
                "posture", Map.of("diskEncrypted", true, "mdmEnrolled", true, "screenLock", false));
        full.put("notes", "line one\nline two, with a comma");
        String aId = create(a, "MacBook Pro 14, Zoë Łukasiewicz", "laptop", group, full);
        create(prefix + "-b", "Pixel 8", "phone", group, Map.of());
        create(prefix + "-c", "ThinkPad 東京", "laptop", other, Map.of());
        create(d, "Dell XPS 13", "laptop", group, Map.of());
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                Asset.<Asset>findById(UUID.fromString(aId)).holder =
                                        Person.findById(UUID.fromString(holder)));
        return new Fixture(group, groupName, holderEmail, serial, a, d);
    }

    @Test
    void shouldExportTheFilteredAssetsAsCsvRoundTrippingCommasQuotesAndUtf8() throws IOException {
        Fixture f = fixture();

        Response response =
                laptopsOf(as("auditor", "audit@example.com").accept("text/csv"), f.group())
                        .queryParam("format", "csv")
                        .get("/api/v1/exports");

        response.then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header(
                        "Content-Disposition",
                        matchesPattern(
                                "attachment; filename=\"custodian-assets-\\d{8}T\\d{6}Z\\.csv\""));
        String csv = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith(HEADER + "\r\n");
        List<Map<String, String>> rows = parse(csv);
        assertThat(rows).extracting(r -> r.get("assetTag")).containsExactly(f.a(), f.d());

        Map<String, String> a = rows.get(0);
        assertThat(a)
                .containsEntry("name", "MacBook Pro 14, Zoë Łukasiewicz")
                .containsEntry("category", "laptop")
                .containsEntry("classification", "confidential")
                .containsEntry("status", "in_stock")
                .containsEntry("serialNumber", f.serial())
                .containsEntry("manufacturer", "Apple")
                .containsEntry("model", "Mac14,9")
                .containsEntry("owner", f.groupName())
                .containsEntry("ownerType", "group")
                .containsEntry("ownerId", f.group())
                .containsEntry("ownerName", f.groupName())
                .containsEntry("holderEmail", f.holderEmail())
                .containsEntry("location", "Zürich, \"HQ\"")
                .containsEntry("purchaseDate", "2025-03-01")
                .containsEntry("warrantyUntil", "2028-03-01")
                .containsEntry("diskEncrypted", "true")
                .containsEntry("mdmEnrolled", "true")
                .containsEntry("screenLock", "false")
                .containsEntry("lastVerifiedAt", "")
                .containsEntry("notes", "line one\nline two, with a comma");
        assertThat(a.get("nextVerificationDue")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Map<String, String> d = rows.get(1);
        assertThat(d)
                .containsEntry("name", "Dell XPS 13")
                .containsEntry("holderEmail", "")
                .containsEntry("serialNumber", "")
                .containsEntry("diskEncrypted", "");
    }

    @Test
    void shouldExportTheSameAssetsAsAJsonArray() {
        Fixture f = fixture();

        laptopsOf(asAdmin(), f.group())
                .queryParam("format", "json")
                .get("/api/v1/exports")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header(
                        "Content-Disposition",
                        matchesPattern(
                                "attachment; filename=\"custodian-assets-\\d{8}T\\d{6}Z\\.json\""))
                .body("size()", equalTo(2))
                .body("[0].assetTag", equalTo(f.a()))
                .body("[0].name", equalTo("MacBook Pro 14, Zoë Łukasiewicz"))
                .body("[0].model", equalTo("Mac14,9"))
                .body("[0].owner", equalTo(f.groupName()))
                .body("[0].ownerType", equalTo("group"))
                .body("[0].ownerId", equalTo(f.group()))
                .body("[0].holderEmail", equalTo(f.holderEmail()))
                .body("[0].diskEncrypted", equalTo(true))
                .body("[0].screenLock", equalTo(false))
                .body("[0].purchaseDate", equalTo("2025-03-01"))
                .body("[1].assetTag", equalTo(f.d()))
                .body("[1].containsKey('holderEmail')", equalTo(false))
                .body("[1].containsKey('diskEncrypted')", equalTo(false));
    }

    @Test
    void shouldEscapeCellsASpreadsheetWouldRunAsFormulas() throws IOException {
        String group = createGroup(unique("Formula"));
        String tag = unique("FX");
        create(
                tag,
                "=HYPERLINK(\"https://evil.example\",\"click\")",
                "server",
                group,
                Map.of(
                        "manufacturer", "+cmd|' /C calc'!A0",
                        "model", "-2+3",
                        "location", "@SUM(A1:A9)",
                        "notes", "\t=1+1",
                        "serialNumber", "A=B"));
        String crTag = unique("FX");
        create(crTag, "Router", "network_device", group, Map.of("notes", "\r=1+1"));

        Response response =
                asAdmin()
                        .accept("text/csv")
                        .queryParam("ownerType", "group")
                        .queryParam("ownerId", group)
                        .get("/api/v1/exports");
        response.then().statusCode(200);
        List<Map<String, String>> rows =
                parse(new String(response.asByteArray(), StandardCharsets.UTF_8));

        Map<String, String> row =
                rows.stream().filter(r -> r.get("assetTag").equals(tag)).findFirst().orElseThrow();
        assertThat(row)
                .containsEntry("name", "'=HYPERLINK(\"https://evil.example\",\"click\")")
                .containsEntry("manufacturer", "'+cmd|' /C calc'!A0")
                .containsEntry("model", "'-2+3")
                .containsEntry("location", "'@SUM(A1:A9)")
                .containsEntry("notes", "'\t=1+1")
                .containsEntry("serialNumber", "A=B");
        assertThat(rows.stream().filter(r -> r.get("assetTag").equals(crTag)).findFirst())
                .get()
                .extracting(r -> r.get("notes"))
                .isEqualTo("'\r=1+1");

        // JSON is not a spreadsheet: values stay as they are
        asAdmin()
                .queryParam("format", "json")
                .queryParam("assetTag", tag)
                .get("/api/v1/exports")
                .then()
                .statusCode(200)
                .body("[0].name", equalTo("=HYPERLINK(\"https://evil.example\",\"click\")"));
    }

    /** Owner e-mails and names come from HR and SCIM, not from IT: escaped like every cell. */
    @Test
    void shouldEscapeFormulasInOwnerNamesAndEmails() throws IOException {
        String group = createGroup("=cmd|' /C calc'!A0 " + unique("g"));
        String groupTag = unique("FX");
        create(groupTag, "Switch", "network_device", group, Map.of());
        String email = unique("=x").toLowerCase() + "@example.com";
        String person = createPerson(email, "@SUM(1+1)*cmd|' /C calc'!A0");
        String personTag = unique("FX");
        Map<String, Object> body = new HashMap<>();
        body.put("assetTag", personTag);
        body.put("name", "Phone");
        body.put("category", "phone");
        body.put("classification", "internal");
        body.put("owner", Map.of("type", "person", "id", person));
        asAdmin().body(body).post("/api/v1/assets").then().statusCode(201);

        Map<String, String> byGroup = exportedRow("group", group, groupTag);
        assertThat(byGroup.get("owner")).startsWith("'=cmd|");
        assertThat(byGroup.get("ownerName")).startsWith("'=cmd|");
        Map<String, String> byPerson = exportedRow("person", person, personTag);
        assertThat(byPerson)
                .containsEntry("owner", "'" + email)
                .containsEntry("ownerName", "'@SUM(1+1)*cmd|' /C calc'!A0");
    }

    private static Map<String, String> exportedRow(String ownerType, String ownerId, String tag)
            throws IOException {
        Response response =
                asAdmin()
                        .accept("text/csv")
                        .queryParam("ownerType", ownerType)
                        .queryParam("ownerId", ownerId)
                        .get("/api/v1/exports");
        response.then().statusCode(200);
        return parse(new String(response.asByteArray(), StandardCharsets.UTF_8)).stream()
                .filter(r -> r.get("assetTag").equals(tag))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldRecordEachExportWithWhoWhenFormatFiltersAndRows() {
        Fixture f = fixture();
        String auditor = unique("auditor") + "@example.com";

        laptopsOf(as("auditor", auditor), f.group())
                .queryParam("format", "json")
                .get("/api/v1/exports")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                as("leadership", "ceo@example.com")
                                        .queryParam("requestedBy", auditor)
                                        .get("/api/v1/reports/exports")
                                        .then()
                                        .statusCode(200)
                                        .body("items.size()", equalTo(1))
                                        .body("items[0].requestedBy", equalTo(auditor))
                                        .body("items[0].format", equalTo("json"))
                                        .body("items[0].status", equalTo("completed"))
                                        .body("items[0].rowCount", equalTo(2))
                                        .body(
                                                "items[0].filters.category",
                                                equalTo(List.of("laptop")))
                                        .body(
                                                "items[0].filters.ownerId",
                                                equalTo(List.of(f.group())))
                                        .body(
                                                "items[0].filters.containsKey('format')",
                                                equalTo(false))
                                        .body("items[0].startedAt", matchesPattern(".+Z"))
                                        .body("items[0].finishedAt", matchesPattern(".+Z")));
    }

    @Test
    void shouldPageTheRecordOfExportsNewestFirst() {
        String admin = unique("it") + "@example.com";
        for (String format : List.of("csv", "json", "csv")) {
            as("asset-admin", admin)
                    .accept(format.equals("csv") ? "text/csv" : "application/json")
                    .queryParam("format", format)
                    .queryParam("assetTag", unique("NONE"))
                    .get("/api/v1/exports")
                    .then()
                    .statusCode(200);
        }
        String next =
                as("auditor", "audit@example.com")
                        .queryParam("requestedBy", admin)
                        .queryParam("limit", 2)
                        .get("/api/v1/reports/exports")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(2))
                        .body("items.format", equalTo(List.of("csv", "json")))
                        .body("items.rowCount", equalTo(List.of(0, 0)))
                        .extract()
                        .path("next");
        as("auditor", "audit@example.com")
                .urlEncodingEnabled(false) // the link is encoded already
                .get(next.substring(next.indexOf("/api/v1")))
                .then()
                .statusCode(200)
                .body("items.format", equalTo(List.of("csv")))
                .body("containsKey('next')", equalTo(false));
    }

    @Test
    void shouldRefuseInvalidParametersBeforeStreaming() {
        asAdmin()
                .queryParam("format", "xlsx")
                .get("/api/v1/exports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("format"));
        asAdmin()
                .queryParam("limit", "10")
                .get("/api/v1/exports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        asAdmin()
                .queryParam("status", "misplaced")
                .get("/api/v1/exports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldKeepExportsFromAnonymousCallersEmployeesLeadershipAndTheHrSystem() {
        as("employee", "e@example.com").get("/api/v1/exports").then().statusCode(403);
        as("hr-system", "hr@example.com").get("/api/v1/exports").then().statusCode(403);
        as("leadership", "ceo@example.com").get("/api/v1/exports").then().statusCode(403);
        as("employee", "e@example.com").get("/api/v1/reports/exports").then().statusCode(403);
        anonymous().get("/api/v1/exports").then().statusCode(401);
    }

    private static RequestSpecification laptopsOf(RequestSpecification request, String group) {
        return request.queryParam("ownerType", "group")
                .queryParam("ownerId", group)
                .queryParam("category", "laptop");
    }

    private static String create(
            String tag, String name, String category, String group, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("assetTag", tag);
        body.put("name", name);
        body.put("category", category);
        body.put("classification", "confidential");
        body.put("owner", Map.of("type", "group", "id", group));
        return createAsset(body);
    }

    /** The CSV read back with a CSV library, header row as keys. */
    private static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows =
                new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(csv)) {
            return rows.readAll();
        }
    }
}
