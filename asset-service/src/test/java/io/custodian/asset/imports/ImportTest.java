package io.custodian.asset.imports;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.offboard;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.custodian.asset.jobs.OtherReplica;
import io.custodian.local.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Bulk import from a Snipe-IT asset export (quoted commas, UTF-8 names, empty cells, bad dates, a
 * category of its own, an unknown user) and from Custodian's own columns.
 */
@QuarkusTest
class ImportTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject DataSource dataSource;
    @Inject ImportQueue queue;
    @Inject ImportConfig config;

    @Test
    void shouldImportTheValidRowsOfASnipeItExportWithTheRightMapping() {
        String p = unique("SN");
        people(p);
        String group = createGroup(unique("IT team"));

        JsonPath job = runImport(snipeIt(p), "mode=skip-invalid&defaultOwnerGroup=" + group);

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getString("dialect")).isEqualTo("snipeit");
        assertThat(job.getLong("rowsRead")).isEqualTo(8);
        assertThat(job.getLong("rowsImported.created")).isEqualTo(6);
        assertThat(job.getLong("rowsImported.updated")).isZero();
        assertThat(job.getLong("rowsRejected")).isEqualTo(2);
        assertThat(job.getInt("progress")).isEqualTo(100);
        // the people the assets are checked out to hold them; the one nobody knows is reported
        assertThat(job.getLong("custody.holdersSet")).isEqualTo(3);
        assertThat(job.getBoolean("custody.acknowledgementRequired")).isFalse();
        assertThat(job.getList("custody.unknownAssignees", Map.class))
                .extracting(u -> u.get("row") + "/" + u.get("column") + "/" + u.get("value"))
                .containsExactly("7/Checked Out To/ghost." + p + "@example.com");
        assertThat(job.getString("startedBy")).isEqualTo("it@example.com");

        JsonPath macbook = asset(p + "-0001");
        assertThat(macbook.getString("name")).isEqualTo("MacBook Pro 14\", M3");
        assertThat(macbook.getString("category")).isEqualTo("laptop");
        assertThat(macbook.getString("classification")).isEqualTo("confidential");
        assertThat(macbook.getString("status")).isEqualTo("in_use");
        assertThat(macbook.getString("serialNumber")).isEqualTo("C02" + p + "1");
        assertThat(macbook.getString("manufacturer")).isEqualTo("Apple");
        assertThat(macbook.getString("model")).isEqualTo("MacBook Pro 14");
        assertThat(macbook.getString("location")).isEqualTo("London, HQ");
        assertThat(macbook.getString("purchaseDate")).isEqualTo("2024-03-01");
        assertThat(macbook.getString("warrantyUntil")).isEqualTo("2027-03-01");
        // a category mapped to one of ours is ours; only one that becomes other keeps its name
        assertThat(macbook.getString("originalCategory")).isNull();
        // the columns without a field of their own are kept in the notes
        assertThat(macbook.getString("notes"))
                .isEqualTo(
                        "Keyboard replaced, 2025\nCompany: Acme Ltd\nPurchase cost: 1,999.00\n"
                                + "Model number: MRX33B/A");
        // checked out to is the holder, not the owner
        assertThat(macbook.getString("owner.id")).isEqualTo(group);
        assertThat(macbook.getString("holder.email"))
                .isEqualTo("zoe." + p.toLowerCase() + "@example.com");

        JsonPath thinkpad = asset(p + "-0002");
        assertThat(thinkpad.getString("name")).isEqualTo("ThinkPad X1 Carbon Gen 11");
        assertThat(thinkpad.getString("status")).isEqualTo("in_stock");
        assertThat(thinkpad.getString("purchaseDate")).isEqualTo("2023-11-15");
        assertThat(thinkpad.getString("warrantyUntil")).isEqualTo("2026-11-15");
        assertThat(thinkpad.getString("owner.id")).isEqualTo(group);
        assertThat(thinkpad.getString("holder")).isNull();
        assertThat(thinkpad.getString("notes")).isEqualTo("Company: Acme Ltd\nModel number: 21HM");

        JsonPath iphone = asset(p + "-0003");
        assertThat(iphone.getString("name")).isEqualTo("Jörg’s iPhone");
        assertThat(iphone.getString("category")).isEqualTo("phone");
        assertThat(iphone.getString("location")).isEqualTo("München");
        assertThat(iphone.getString("holder.name")).isEqualTo("Jörg Müller " + p);

        JsonPath router = asset(p + "-0004");
        assertThat(router.getString("category")).isEqualTo("network_device");
        assertThat(router.getString("status")).isEqualTo("in_repair");
        assertThat(router.getString("warrantyUntil")).isEqualTo("2027-01-10");

        // a category of Snipe-IT's own is kept, not rejected
        JsonPath monitor = asset(p + "-0005");
        assertThat(monitor.getString("category")).isEqualTo("other");
        assertThat(monitor.getString("originalCategory")).isEqualTo("Monitors");

        JsonPath archived = asset(p + "-0006");
        assertThat(archived.getString("status")).isEqualTo("retired");
        assertThat(archived.getString("owner.id")).isEqualTo(group);
        assertThat(archived.getString("holder")).isNull();

        assertThat(count(p)).isEqualTo(6);
        List<Map<String, Object>> errors = errors(job.getString("id"));
        assertThat(errors)
                .extracting(e -> e.get("row") + "/" + e.get("column"))
                .containsExactly("8/Purchase Date", "9/Purchase Date");

        // the import is in each asset's history: who, when, created
        asAdmin()
                .get("/api/v1/assets/" + macbook.getString("id") + "/history")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("created"))
                .body("items[0].actor", equalTo("it@example.com"))
                .body("items[0].revision", equalTo(job.getInt("revision")));
    }

    @Test
    void shouldServeTheErrorsAsCsvForASpreadsheet() {
        String p = unique("SC");
        people(p);
        JsonPath job = runImport(snipeIt(p), "mode=skip-invalid");

        // without a default owner group (and no Owner column) no row has an owner
        assertThat(job.getLong("rowsImported.created")).isZero();
        assertThat(job.getLong("rowsRejected")).isEqualTo(8);
        String csv =
                asAdmin()
                        .accept("text/csv")
                        .get("/api/v1/imports/" + job.getString("id") + "/errors")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/csv"))
                        .extract()
                        .asString();
        assertThat(csv.lines().toList()).first().isEqualTo("row,column,reason");
        assertThat(csv)
                .contains("3,Owner,no owner")
                .contains("8,Purchase Date,\"not a date (yyyy-mm-dd): \"\"2024-02-30\"\"\"");
    }

    @Test
    void shouldWriteNothingWhenAnAllOrNothingFileHasABadRow() {
        String p = unique("AN");
        people(p);
        String group = createGroup(unique("IT team"));

        JsonPath job = runImport(snipeIt(p), "defaultOwnerGroup=" + group);

        assertThat(job.getString("state")).isEqualTo("rejected");
        assertThat(job.getString("mode")).isEqualTo("all-or-nothing");
        assertThat(job.getLong("rowsRead")).isEqualTo(8);
        assertThat(job.getLong("rowsRejected")).isEqualTo(2);
        assertThat(job.getLong("rowsImported.created")).isZero();
        assertThat(count(p)).isZero();
        assertThat(errors(job.getString("id"))).hasSize(2);
    }

    @Test
    void shouldRejectAFileThatStopsBeingCsvAndKeepNothingOfIt() throws SQLException {
        String p = unique("MQ");
        String group = createGroup(unique("IT team"));
        // more rows than a chunk before the break: part of the file had gone into staging
        StringBuilder csv = new StringBuilder("assetTag,name,category,classification,owner\n");
        int rows = config.chunkSize() + 1000;
        for (int i = 1; i <= rows; i++) {
            csv.append(p).append('-').append(i).append(",Laptop ").append(i);
            csv.append(",laptop,internal,\n");
        }
        csv.append(p).append("-x,\"Laptop with a broken quote,laptop,internal,\n");
        csv.append(p).append("-y,Laptop after it,laptop,internal,\n");

        JsonPath job = runImport(csv.toString(), "mode=skip-invalid&defaultOwnerGroup=" + group);

        // even when skipping invalid rows: nothing after the break can be read reliably
        assertThat(job.getString("state")).isEqualTo("rejected");
        assertThat(job.getLong("rowsRead")).isEqualTo(rows);
        assertThat(job.getLong("rowsImported.created")).isZero();
        assertThat(count(p)).isZero();
        assertThat(errors(job.getString("id")))
                .singleElement()
                .satisfies(
                        error -> {
                            assertThat(error)
                                    .containsEntry("row", rows + 2)
                                    .containsEntry("column", "file");
                            assertThat((String) error.get("reason"))
                                    .startsWith("not valid CSV from here on: ")
                                    .contains("quote");
                        });
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "select count(*) from import_row where job_id = ?")) {
            statement.setObject(1, UUID.fromString(job.getString("id")));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("staged rows left").isZero();
            }
        }
    }

    @Test
    void shouldChangeNothingWhenTheSameFileIsImportedAgain() {
        String p = unique("RE");
        people(p);
        String group = createGroup(unique("IT team"));
        String query = "mode=skip-invalid&defaultOwnerGroup=" + group;
        runImport(snipeIt(p), query);
        String etag =
                asAdmin()
                        .get("/api/v1/assets/" + asset(p + "-0001").getString("id"))
                        .header("ETag");

        JsonPath again = runImport(snipeIt(p), query);

        assertThat(again.getString("state")).isEqualTo("completed");
        assertThat(again.getLong("rowsImported.created")).isZero();
        assertThat(again.getLong("rowsImported.updated")).isZero();
        assertThat(again.getLong("rowsImported.unchanged")).isEqualTo(6);
        assertThat(again.getLong("rowsRejected")).isEqualTo(2);
        assertThat(again.getLong("custody.holdersSet")).isZero();
        assertThat(count(p)).isEqualTo(6);
        String id = asset(p + "-0001").getString("id");
        assertThat(asAdmin().get("/api/v1/assets/" + id).header("ETag")).isEqualTo(etag);

        // a changed row is an update, recorded in the history
        JsonPath changed =
                runImport(snipeIt(p).replace("\"London, HQ\"", "\"Leeds, Studio 2\""), query);
        assertThat(changed.getLong("rowsImported.updated")).isEqualTo(1);
        assertThat(changed.getLong("rowsImported.unchanged")).isEqualTo(5);
        assertThat(asset(p + "-0001").getString("location")).isEqualTo("Leeds, Studio 2");
        asAdmin()
                .get("/api/v1/assets/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[1].action", equalTo("updated"));
    }

    @Test
    void shouldKeepUploadsInAFolderOnlyTheServiceCanRead() throws Exception {
        Path dir = config.directory();
        Files.createDirectories(dir);
        // left open to everyone (a shared temp directory, an earlier version): tightened
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String p = unique("PF");
        people(p);
        String group = createGroup(unique("IT team"));

        JsonPath job = runImport(snipeIt(p), "mode=skip-invalid&defaultOwnerGroup=" + group);

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".csv")))
                    .allSatisfy(
                            f ->
                                    assertThat(
                                                    PosixFilePermissions.toString(
                                                            Files.getPosixFilePermissions(f)))
                                            .isEqualTo("rw-------"));
        }
    }

    @Test
    void shouldReportWhatADryRunWouldChangeAndChangeNothing() {
        String p = unique("DR");
        people(p);
        String group = createGroup(unique("IT team"));
        String query = "mode=skip-invalid&defaultOwnerGroup=" + group;

        JsonPath dry = runImport(snipeIt(p), query + "&dryRun=true");
        assertThat(dry.getString("state")).isEqualTo("completed");
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getLong("rowsImported.created")).isEqualTo(6);
        assertThat(dry.getLong("custody.holdersSet")).isEqualTo(3);
        assertThat(dry.getString("revision")).isNull();
        assertThat(count(p)).isZero();
        List<Map<String, Object>> creates = changes(dry.getString("id"));
        assertThat(creates)
                .extracting(c -> c.get("row") + "/" + c.get("assetTag") + "/" + c.get("action"))
                .containsExactly(
                        "2/" + p + "-0001/create",
                        "3/" + p + "-0002/create",
                        "4/" + p + "-0003/create",
                        "5/" + p + "-0004/create",
                        "6/" + p + "-0005/create",
                        "7/" + p + "-0006/create");
        assertThat(creates).allSatisfy(c -> assertThat(c).doesNotContainKey("changes"));

        runImport(snipeIt(p), query);
        JsonPath dryUpdate =
                runImport(snipeIt(p).replace("\"London, HQ\"", "Leeds"), query + "&dryRun=true");
        assertThat(dryUpdate.getLong("rowsImported.created")).isZero();
        assertThat(dryUpdate.getLong("rowsImported.updated")).isEqualTo(1);
        assertThat(dryUpdate.getLong("rowsImported.unchanged")).isEqualTo(5);
        assertThat(asset(p + "-0001").getString("location")).isEqualTo("London, HQ");
        // the one row that would change, with exactly the field it changes
        List<Map<String, Object>> updates = changes(dryUpdate.getString("id"));
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0))
                .containsEntry("row", 2)
                .containsEntry("assetTag", p + "-0001")
                .containsEntry("action", "update")
                .containsEntry(
                        "changes", Map.of("location", Map.of("from", "London, HQ", "to", "Leeds")));
        // a real import records its changes in the history instead
        JsonPath real = runImport(snipeIt(p).replace("\"London, HQ\"", "Leeds"), query);
        assertThat(real.getLong("rowsImported.updated")).isEqualTo(1);
        assertThat(changes(real.getString("id"))).isEmpty();
    }

    @Test
    void shouldImportCustodianColumnsAndRejectRepeatedTags() {
        String p = unique("CU");
        String group = createGroup("Platform " + p);
        String csv =
                "assetTag,name,category,classification,status,serialNumber,manufacturer,owner\n"
                        + p
                        + "-1,Prod database,database,restricted,in_use,,,Platform "
                        + p
                        + "\n"
                        + p
                        + "-2,GitHub org,saas_tenant,confidential,,,,Platform "
                        + p
                        + "\n"
                        + p
                        + "-1,Prod database again,database,restricted,in_use,,,Platform "
                        + p
                        + "\n"
                        + p
                        + "-3,Laptop,laptop,secret,,,,Platform "
                        + p
                        + "\n";

        JsonPath job = runImport(csv, "mode=skip-invalid");

        assertThat(job.getString("dialect")).isEqualTo("custodian");
        assertThat(job.getLong("rowsImported.created")).isEqualTo(2);
        assertThat(job.getLong("rowsRejected")).isEqualTo(2);
        JsonPath database = asset(p + "-1");
        assertThat(database.getString("name")).isEqualTo("Prod database");
        assertThat(database.getString("classification")).isEqualTo("restricted");
        assertThat(database.getString("owner.id")).isEqualTo(group);
        assertThat(asset(p + "-2").getString("status")).isEqualTo("in_stock");
        assertThat(errors(job.getString("id")))
                .extracting(e -> e.get("row") + "/" + e.get("column") + "/" + e.get("reason"))
                .containsExactly(
                        "4/assetTag/asset tag repeats row 2",
                        "5/classification/must be one of: public, internal, confidential,"
                                + " restricted");
    }

    @Test
    void shouldRejectARowWhoseNameBreaksTheLineButKeepMultiLineNotes() {
        String p = unique("LB");
        createGroup("Platform " + p);
        String csv =
                "assetTag,name,category,classification,owner,notes\n"
                        + p
                        + "-1,\"Laptop\r\nBcc: attacker@example.com\",laptop,internal,Platform "
                        + p
                        + ",\n"
                        + p
                        + "-2,Laptop,laptop,internal,Platform "
                        + p
                        + ",\"first line\r\nsecond line\"\n"
                        + p
                        + "-3,Serial \u0000 zero,laptop,internal,Platform "
                        + p
                        + ",\n";

        JsonPath job = runImport(csv, "mode=skip-invalid");

        assertThat(job.getLong("rowsImported.created")).isEqualTo(1);
        assertThat(asset(p + "-2").getString("notes")).isEqualTo("first line\r\nsecond line");
        assertThat(errors(job.getString("id")))
                .extracting(e -> e.get("row") + "/" + e.get("column") + "/" + e.get("reason"))
                .containsExactly(
                        "2/name/must be a single line (it contains U+000D)",
                        "4/name/must not contain the control character U+0000");
    }

    @Test
    void shouldListTheJobsNewestFirstInKeysetPagesFilteredByState() {
        String p = unique("LS");
        String group = createGroup("List " + p);
        String first =
                runImport(
                                "assetTag,name,category,classification,owner\n"
                                        + p
                                        + "-1,Build server,server,internal,List "
                                        + p
                                        + "\n",
                                "")
                        .getString("id");
        String rejected = runImport("a,b\n1,2\n", "").getString("id");
        String last =
                runImport(
                                "assetTag,name,category,classification\n"
                                        + p
                                        + "-2,Build agent,server,internal\n",
                                "dryRun=true&defaultOwnerGroup=" + group)
                        .getString("id");

        // newest first, two at a time, following next (body and Link header) to the end
        List<Map<String, Object>> all = new ArrayList<>();
        String next = "/api/v1/imports?limit=2";
        for (int page = 0; next != null && page < 500; page++) {
            Response response = as("auditor", "audit@example.com").get(next);
            response.then().statusCode(200).contentType("application/json");
            JsonPath body = response.jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            all.addAll(items);
            next = body.getString("next");
            if (next != null) {
                assertThat(response.header("Link"))
                        .contains("<" + next + ">")
                        .contains("rel=\"next\"");
                assertThat(items).hasSize(2);
            } else {
                assertThat(response.header("Link")).isNull();
            }
        }
        assertThat(next).isNull();
        List<String> ids = all.stream().map(j -> (String) j.get("id")).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.indexOf(last)).isLessThan(ids.indexOf(rejected));
        assertThat(ids.indexOf(rejected)).isLessThan(ids.indexOf(first));
        assertThat(all)
                .extracting(j -> Instant.parse((String) j.get("submittedAt")))
                .isSortedAccordingTo(Comparator.reverseOrder());
        Map<String, Object> dryRun = all.get(ids.indexOf(last));
        assertThat(dryRun)
                .containsEntry("state", "completed")
                .containsEntry("dryRun", true)
                .containsEntry("startedBy", "it@example.com")
                .containsEntry("progress", 100)
                .containsEntry("rowsRead", 1)
                .containsKey("finishedAt");
        assertThat(dryRun.get("rowsImported"))
                .isEqualTo(Map.of("created", 1, "updated", 0, "unchanged", 0));

        // by state: one or more, repeated or comma-separated
        List<Map<String, Object>> rejectedOnes =
                asAdmin()
                        .queryParam("state", "rejected")
                        .queryParam("limit", 1000)
                        .get("/api/v1/imports")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items");
        assertThat(rejectedOnes).extracting(j -> j.get("state")).containsOnly("rejected");
        assertThat(rejectedOnes)
                .extracting(j -> j.get("id"))
                .contains(rejected)
                .doesNotContain(last);
        List<Object> either =
                asAdmin()
                        .get("/api/v1/imports?state=rejected,completed&limit=1000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id");
        assertThat(either).contains(first, rejected, last);
    }

    @Test
    void shouldRefuseBadListParametersAndRolesWithoutReadAccess() {
        asAdmin()
                .get("/api/v1/imports?state=done")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("state"));
        asAdmin()
                .get("/api/v1/imports?limit=1001")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        asAdmin()
                .get("/api/v1/imports?cursor=nonsense")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
        asAdmin()
                .get("/api/v1/imports?owner=me")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("owner"));
        as("employee", unique("eve") + "@example.com")
                .get("/api/v1/imports")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void shouldLogTheStartEachTenPercentAndTheEndWithCountsAndRate() {
        String p = unique("LG");
        String group = createGroup("Log " + p);
        StringBuilder csv = new StringBuilder("assetTag,name,category,classification\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append(p).append('-').append(i).append(",Server ").append(i);
            csv.append(",server,internal\n");
        }
        String id;
        List<LogRecord> records;
        try (LogCapture log = LogCapture.start()) {
            id =
                    runImport(csv.toString(), "dryRun=true&defaultOwnerGroup=" + group)
                            .getString("id");
            records = log.records();
        }

        String prefix = "import " + id + ": ";
        List<String> lines =
                records.stream()
                        .filter(r -> r.getLoggerName().startsWith(Imports.class.getPackageName()))
                        // JBoss's INFO is not the JDK's object, but the same level
                        .filter(r -> r.getLevel().intValue() == Level.INFO.intValue())
                        .map(ImportTest::formatted)
                        .filter(line -> line.startsWith(prefix))
                        .map(line -> line.substring(prefix.length()))
                        .toList();
        assertThat(lines).first().asString().contains("queued");
        assertThat(lines).anyMatch(line -> line.startsWith("started by it@example.com"));
        // 12,000 rows are three chunks of the parse: two progress lines, then the file is read
        assertThat(lines)
                .filteredOn(line -> line.matches("[1-8]\\d%, \\d+ rows read, 0 rejected"))
                .hasSize(2);
        assertThat(lines)
                .contains("90%, file read, 12000 rows read, 0 rejected; checking the whole file");
        assertThat(lines)
                .last()
                .asString()
                .matches(
                        "dry run completed \\(nothing written\\), 12000 rows read: 12000 created,"
                                + " 0 updated, 0 unchanged, 0 rejected; \\d+\\.\\d s, \\d+ rows/s");
    }

    @Test
    void shouldMatchARowWithoutAnAssetTagByItsSerialNumber() {
        String p = unique("SE");
        String group = createGroup("Field " + p);
        String csv =
                "assetTag,name,category,classification,status,serialNumber,manufacturer,owner\n"
                        + p
                        + "-1,Rugged tablet,tablet,internal,in_stock,S"
                        + p
                        + ",Getac,Field "
                        + p
                        + "\n";
        runImport(csv, "");
        String id = asset(p + "-1").getString("id");

        // the serial (and manufacturer, in any case) names the asset; its tag is kept
        JsonPath job =
                runImport(
                        "assetTag,serialNumber,manufacturer,name,category,classification,status,"
                                + "owner\n,S"
                                + p
                                + ",GETAC,Rugged tablet (depot),tablet,internal,in_repair,Field "
                                + p
                                + "\n,X"
                                + p
                                + ",Getac,Unknown tablet,tablet,internal,in_stock,Field "
                                + p
                                + "\n",
                        "mode=skip-invalid");

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.created")).isZero();
        assertThat(job.getLong("rowsImported.updated")).isEqualTo(1);
        assertThat(job.getLong("rowsRejected")).isEqualTo(1);
        JsonPath tablet = asset(p + "-1");
        assertThat(tablet.getString("id")).isEqualTo(id);
        assertThat(tablet.getString("name")).isEqualTo("Rugged tablet (depot)");
        assertThat(tablet.getString("status")).isEqualTo("in_repair");
        assertThat(errors(job.getString("id")))
                .extracting(e -> e.get("row") + "/" + e.get("column") + "/" + e.get("reason"))
                .containsExactly("3/assetTag/required: no asset has serial number X" + p);
    }

    @Test
    void shouldSettleALeaversOwnershipTransferWhenAnImportGivesTheAssetANewOwner() {
        String p = unique("OT");
        createGroup("Finance " + p);
        String offboarding = leaverOf(p + "-1");

        JsonPath job =
                runImport(
                        "assetTag,name,category,classification,owner\n"
                                + p
                                + "-1,Budget workbook,laptop,confidential,Finance "
                                + p
                                + "\n",
                        "");

        assertThat(job.getLong("rowsImported.updated")).isEqualTo(1);
        asAdmin()
                .get("/api/v1/offboardings/" + offboarding)
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("transferred"))
                .body("items[0].closedBy", equalTo("it@example.com"))
                .body("status", equalTo("completed"));
    }

    @Test
    void shouldRejectAFileWithoutAKnownHeader() {
        JsonPath job = runImport("a,b,c\n1,2,3\n", "");
        assertThat(job.getString("state")).isEqualTo("rejected");
        assertThat(errors(job.getString("id"))).extracting(e -> e.get("row")).containsExactly(1);
    }

    @Test
    void shouldLetOnlyAdminsImport() {
        as("employee", unique("eve") + "@example.com")
                .contentType("text/csv")
                .body("assetTag\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void shouldRefuseUnknownModesAndGroups() {
        asAdmin()
                .contentType("text/csv")
                .body("assetTag\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?mode=most")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("mode"));
        asAdmin()
                .contentType("text/csv")
                .body("assetTag\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?defaultOwnerGroup=3b241101-e2bb-4255-8caf-4136c566a962")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("defaultOwnerGroup"));
        asAdmin()
                .get("/api/v1/imports/3b241101-e2bb-4255-8caf-4136c566a962")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void shouldRunAnInterruptedJobAgainFromItsFileAtStart() throws Exception {
        String p = unique("RS");
        String group = createGroup("Resume " + p);
        UUID id = UUID.randomUUID();
        Files.createDirectories(config.directory());
        Path file = config.directory().resolve(id + ".csv");
        Files.writeString(
                file,
                "assetTag,name,category,classification,owner\n"
                        + p
                        + "-1,Build server,server,internal,Resume "
                        + p
                        + "\n"
                        + p
                        + "-2,Staging database,database,confidential,Resume "
                        + p
                        + "\n");
        UUID missing = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            // what a crash in the middle of the staging leaves behind: a running job, half its rows
            for (UUID job : List.of(id, missing)) {
                sql.executeUpdate(
                        "insert into import_job (id, state, mode, dry_run, file_path, file_size,"
                                + " started_by, submitted_at, started_at, attempts, rows_read)"
                                + " values ('"
                                + job
                                + "', 'RUNNING', 'ALL_OR_NOTHING', false, '"
                                + config.directory().resolve(job + ".csv")
                                + "', 200, 'it@example.com', now(), now(), 1, 1)");
            }
            sql.executeUpdate(
                    "insert into import_row (job_id, row_number, asset_tag, name, category, status)"
                            + " values ('"
                            + id
                            + "', 2, '"
                            + p
                            + "-1', 'half', 'SERVER', 'IN_STOCK')");
            sql.executeUpdate(
                    "insert into import_error (job_id, row_number, column_name, reason)"
                            + " values ('"
                            + id
                            + "', 3, 'name', 'from the first attempt')");
        }
        assertThat(count(p)).isZero();

        queue.start(null);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                !asAdmin()
                                        .get("/api/v1/imports/" + id)
                                        .path("state")
                                        .equals("running"));
        JsonPath job =
                asAdmin().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.created")).isEqualTo(2);
        assertThat(job.getLong("rowsRejected")).isZero();
        assertThat(errors(id.toString())).isEmpty();
        assertThat(asset(p + "-1").getString("name")).isEqualTo("Build server");
        assertThat(asset(p + "-1").getString("owner.id")).isEqualTo(group);
        assertThat(Files.exists(file)).isFalse();

        // a job whose file is gone cannot run again: failed, saying so
        asAdmin()
                .get("/api/v1/imports/" + missing)
                .then()
                .statusCode(200)
                .body("state", equalTo("failed"))
                .body("failure", containsString("upload it again"));
    }

    @Test
    void shouldLeaveTheQueueToTheReplicaHoldingItAndRunAgainTheJobItLeftWhenItDied()
            throws Exception {
        String p = unique("RQ");
        String group = createGroup("Queue " + p);
        String path;
        try (OtherReplica other = OtherReplica.running("imports")) {
            path =
                    submitImport(
                            "assetTag,name,category,classification,owner\n"
                                    + p
                                    + "-1,Build server,server,internal,Queue "
                                    + p
                                    + "\n",
                            "");
            String id = path.substring(path.lastIndexOf('/') + 1);
            // the replica holding the queue took the job up, then died in the middle of it
            try (Connection connection = dataSource.getConnection();
                    Statement sql = connection.createStatement()) {
                sql.executeUpdate(
                        "update import_job set state = 'RUNNING', started_at = now(), attempts = 1"
                                + " where id = '"
                                + id
                                + "'");
            }
            queue.poll(); // this replica's turn comes while the other still holds the queue
            Thread.sleep(2500);
            asAdmin().get(path).then().statusCode(200).body("state", equalTo("running"));
            assertThat(count(p)).isZero();

            other.dies();
        }
        queue.poll();

        JsonPath job = awaitImport(path);
        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.created")).isEqualTo(1);
        assertThat(asset(p + "-1").getString("owner.id")).isEqualTo(group);
        assertThat(count(p)).isEqualTo(1);
    }

    // --- helpers ---

    /**
     * A log record's message with its (printf-style, as infof writes them) parameters filled in.
     */
    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0
                ? record.getMessage()
                : String.format(Locale.ROOT, record.getMessage(), parameters);
    }

    /**
     * A person leaving who owns the asset {@code tag} (created here): returns their off-boarding,
     * whose ownership-transfer item for it is pending.
     */
    static String leaverOf(String tag) {
        String email = unique("leaver").toLowerCase() + "@example.com";
        createAsset(tag, "person", createPerson(email));
        JsonPath started = offboard(email);
        assertThat(started.getString("items[0].kind")).isEqualTo("ownership_transfer");
        assertThat(started.getString("items[0].status")).isEqualTo("pending");
        return started.getString("id");
    }

    /** Upload, expect 202 + Location, and follow the job until it ends. */
    static JsonPath runImport(String csv, String query) {
        return awaitImport(submitImport(csv, query));
    }

    /**
     * Upload, expect 202 + Location; returns the job's path, to follow with {@link #awaitImport}.
     */
    static String submitImport(String csv, String query) {
        Response accepted =
                asAdmin()
                        .contentType("text/csv; charset=UTF-8")
                        .body(csv.getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/imports" + (query.isEmpty() ? "" : "?" + query));
        accepted.then()
                .statusCode(202)
                .contentType("application/json")
                .header("Location", containsString("/api/v1/imports/"))
                .body(
                        "state",
                        org.hamcrest.Matchers.oneOf(
                                "queued", "running", "completed", "rejected", "failed"));
        String location = accepted.header("Location");
        return location.substring(location.indexOf("/api/v1/imports/"));
    }

    /** Follows the job at this path until it ends; returns it as {@code GET} shows it then. */
    static JsonPath awaitImport(String path) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> finished(path));
        return asAdmin()
                .get(path)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    /** Whether the job at this path has ended (completed, rejected or failed). */
    static boolean finished(String path) {
        String state = asAdmin().get(path).then().statusCode(200).extract().path("state");
        return !state.equals("queued") && !state.equals("running");
    }

    static List<Map<String, Object>> errors(String job) {
        return asAdmin()
                .get("/api/v1/imports/" + job + "/errors")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static List<Map<String, Object>> changes(String job) {
        return asAdmin()
                .get("/api/v1/imports/" + job + "/changes")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getList("items");
    }

    static JsonPath asset(String tag) {
        JsonPath page =
                asAdmin()
                        .queryParam("assetTag", tag)
                        .get("/api/v1/assets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(page.getList("items")).as(tag).hasSize(1);
        return new JsonPath(
                asAdmin().get("/api/v1/assets/" + page.getString("items[0].id")).asString());
    }

    /** The people the fixture names: one by e-mail, one by a UTF-8 display name. */
    private static void people(String p) {
        for (String[] person :
                new String[][] {
                    {"zoe." + p + "@example.com", "Zoë Ångström " + p},
                    {"joerg." + p + "@example.com", "Jörg Müller " + p}
                }) {
            asAdmin()
                    .body(
                            Map.of(
                                    "employeeId", unique("E"),
                                    "email", person[0],
                                    "displayName", person[1]))
                    .post("/api/v1/people")
                    .then()
                    .statusCode(201);
        }
    }

    private static String snipeIt(String p) {
        try (InputStream in = ImportTest.class.getResourceAsStream("/imports/snipeit-export.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${p}", p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String p) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "select count(*) from asset where asset_tag like ?")) {
            statement.setString(1, p + "-%");
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
