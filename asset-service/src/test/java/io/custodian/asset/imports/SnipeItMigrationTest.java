package io.custodian.asset.imports;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.imports.ExportImportRoundTripTest.export;
import static io.custodian.asset.imports.ImportTest.asset;
import static io.custodian.asset.imports.ImportTest.errors;
import static io.custodian.asset.imports.ImportTest.runImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A migration from Snipe-IT keeps every row and every fact: files with the importer template's
 * headers and with the export's, every default status label, a dozen free-form categories, the
 * assignees as holders (and the unknown ones reported), the columns without a field kept in the
 * notes, and an export of the result that imports back without changing anything.
 */
@QuarkusTest
class SnipeItMigrationTest {

    /** Snipe-IT's importer template, with its own spelling ("item Name", "Model name"). */
    private static final String TEMPLATE_HEADER =
            "Full Name,Email,Username,Category,Company,item Name,Location,Manufacturer,Model"
                    + " name,Model Number,Notes,Purchase Cost,Purchase Date,Serial"
                    + " number,Supplier,Status,Asset Tag,Warranty\n";

    /** Snipe-IT's asset export, with an Owner column naming another group on one row. */
    private static final String EXPORT_HEADER =
            "ID,Company,Asset Name,Asset Tag,Model,Model No.,Category,Manufacturer,Serial,Status,"
                    + "Checked Out To,Location,Purchase Date,Purchase Cost,Supplier,Warranty,Notes,"
                    + "Owner\n";

    /** Every default label of Snipe-IT, two custom ones (configured), and what they become. */
    private static final Map<String, String> STATUSES = new LinkedHashMap<>();

    static {
        STATUSES.put("Ready to Deploy", "in_stock");
        STATUSES.put("Pending", "in_stock");
        STATUSES.put("Deployed", "in_use");
        STATUSES.put("Archived", "retired");
        STATUSES.put("Out for Diagnostics", "in_repair");
        STATUSES.put("Out for Repair", "in_repair");
        STATUSES.put("Broken - Not Fixable", "retired");
        STATUSES.put("Lost/Stolen", "lost");
        STATUSES.put("Awaiting Parts", "in_repair");
        STATUSES.put("With Courier", "in_use");
    }

    /** Free-form categories and what they become: preset, configured, or other. */
    private static final List<String[]> CATEGORIES =
            List.of(
                    new String[] {"Laptops", "laptop"},
                    new String[] {"Desktops", "desktop"},
                    new String[] {"Mobile Phones", "phone"},
                    new String[] {"Tablets", "tablet"},
                    new String[] {"Monitors", "other"},
                    new String[] {"Servers", "server"},
                    new String[] {"Networking", "network_device"},
                    new String[] {"Keyboards", "other"},
                    new String[] {"Docking stations", "other"},
                    new String[] {"Headsets", "other"},
                    new String[] {"Rugged Handhelds", "phone"},
                    new String[] {"Webcams", "other"},
                    new String[] {"Projectors", "other"},
                    new String[] {"Conference  Room Kits", "other"});

    @Test
    void shouldImportEveryRowOfSnipeItsImportTemplateWithHoldersAndOriginalCategories() {
        String p = unique("ST").toLowerCase();
        Directory people = directory(p);
        String group = createGroup(unique("IT team"));
        StringBuilder csv = new StringBuilder(TEMPLATE_HEADER);
        String[] statuses = STATUSES.keySet().toArray(String[]::new);
        // assignees: by e-mail, by username, by full name, unknown e-mail, unknown username, none
        String[][] assignees = {
            {"", "ada." + p + "@example.com", ""},
            {"", "", "grace." + p},
            {"Linus Torvalds " + p, "", ""},
            {"Former Intern", "intern." + p + "@example.com", "intern." + p},
            {"", "", "nobody." + p},
            {"", "", ""}
        };
        for (int i = 0; i < CATEGORIES.size(); i++) {
            String[] a = assignees[i % assignees.length];
            csv.append(String.join(",", a))
                    .append(',')
                    .append(CATEGORIES.get(i)[0])
                    .append(",Acme Ltd,")
                    .append("\"Item ")
                    .append(i)
                    .append(", ")
                    .append(CATEGORIES.get(i)[0])
                    .append("\",London,Vendor,Model ")
                    .append(i)
                    .append(",MN-")
                    .append(i)
                    .append(",")
                    .append(i == 0 ? "Sticker on the lid" : "")
                    .append(",\"1,")
                    .append(100 + i)
                    .append(".00\",2024-03-01,SN-")
                    .append(p)
                    .append('-')
                    .append(i)
                    .append(",Supplier ")
                    .append(i)
                    .append(',')
                    .append(statuses[i % statuses.length])
                    .append(',')
                    .append(tag(p, i))
                    .append(",36\n");
        }

        JsonPath job = runImport(csv.toString(), "mode=skip-invalid&defaultOwnerGroup=" + group);

        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("completed");
        assertThat(job.getString("dialect")).isEqualTo("snipeit");
        assertThat(job.getLong("rowsRead")).isEqualTo(CATEGORIES.size());
        assertThat(job.getLong("rowsRejected")).isZero();
        assertThat(errors(job.getString("id"))).isEmpty();
        assertThat(job.getLong("rowsImported.created")).isEqualTo(CATEGORIES.size());
        // assignees by e-mail, username and full name: rows 0, 1, 2, 6, 7, 8, 12, 13
        assertThat(job.getLong("custody.holdersSet")).isEqualTo(8);
        assertThat(job.getBoolean("custody.acknowledgementRequired")).isFalse();
        assertThat(job.getString("custody.note")).contains("no acceptable-use acknowledgement");
        assertThat(job.getLong("custody.assigneesNotFound")).isEqualTo(4);
        assertThat(job.getList("custody.unknownAssignees", Map.class))
                .extracting(u -> u.get("row") + "/" + u.get("column") + "/" + u.get("value"))
                .containsExactly(
                        "5/Email/intern." + p + "@example.com",
                        "6/Username/nobody." + p,
                        "11/Email/intern." + p + "@example.com",
                        "12/Username/nobody." + p);

        for (int i = 0; i < CATEGORIES.size(); i++) {
            JsonPath asset = asset(tag(p, i));
            assertThat(asset.getString("name"))
                    .isEqualTo("Item " + i + ", " + CATEGORIES.get(i)[0]);
            assertThat(asset.getString("category")).isEqualTo(CATEGORIES.get(i)[1]);
            assertThat(asset.getString("originalCategory")).isEqualTo(original(i));
            assertThat(asset.getString("status"))
                    .as(statuses[i % statuses.length])
                    .isEqualTo(STATUSES.get(statuses[i % statuses.length]));
            assertThat(asset.getString("model")).isEqualTo("Model " + i);
            assertThat(asset.getString("serialNumber")).isEqualTo("SN-" + p + "-" + i);
            assertThat(asset.getString("owner.id")).isEqualTo(group);
            assertThat(asset.getString("warrantyUntil")).isEqualTo("2027-03-01");
            String kept =
                    "Company: Acme Ltd\nSupplier: Supplier "
                            + i
                            + "\nPurchase cost: 1,"
                            + (100 + i)
                            + ".00\nModel number: MN-"
                            + i;
            assertThat(asset.getString("notes"))
                    .isEqualTo(i == 0 ? "Sticker on the lid\n" + kept : kept);
            String holder =
                    switch (i % assignees.length) {
                        case 0 -> people.ada;
                        case 1 -> people.grace;
                        case 2 -> people.linus;
                        default -> null;
                    };
            assertThat(asset.getString("holder.id")).as(tag(p, i)).isEqualTo(holder);
        }

        // the original category is searchable, in any case
        asAdmin()
                .queryParam("originalCategory", "DOCKING STATIONS")
                .queryParam("ownerType", "group")
                .queryParam("ownerId", group)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("items.size()", equalTo(1))
                .body("items[0].assetTag", equalTo(tag(p, 8)))
                .body("items[0].category", equalTo("other"))
                .body("items[0].originalCategory", equalTo("Docking stations"));

        // ... exported back (CSV and JSON) ...
        String exported = export("group", group);
        assertThat(exported.lines().findFirst().orElseThrow())
                .startsWith("assetTag,name,category,originalCategory,classification,");
        assertThat(exported).contains(tag(p, 4) + ",\"Item 4, Monitors\",other,Monitors,");
        List<Map<String, Object>> json =
                asAdmin()
                        .queryParam("format", "json")
                        .queryParam("ownerType", "group")
                        .queryParam("ownerId", group)
                        .get("/api/v1/exports")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("application/json"))
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(json)
                .extracting(r -> r.get("assetTag") + "/" + r.get("originalCategory"))
                .contains(
                        tag(p, 9) + "/Headsets", tag(p, 10) + "/null", tag(p, 12) + "/Projectors");

        // ... and an export of the migration imports back without changing anything
        Map<String, String> etags = new HashMap<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            String id = asset(tag(p, i)).getString("id");
            etags.put(id, asAdmin().get("/api/v1/assets/" + id).header("ETag"));
        }
        JsonPath again = runImport(exported, "");
        assertThat(again.getString("state")).as(again.prettify()).isEqualTo("completed");
        assertThat(again.getString("dialect")).isEqualTo("custodian");
        assertThat(again.getLong("rowsRejected")).isZero();
        assertThat(again.getLong("rowsImported.created")).isZero();
        assertThat(again.getLong("rowsImported.updated")).isZero();
        assertThat(again.getLong("rowsImported.unchanged")).isEqualTo(CATEGORIES.size());
        etags.forEach(
                (id, etag) ->
                        assertThat(asAdmin().get("/api/v1/assets/" + id).header("ETag"))
                                .isEqualTo(etag));
        assertThat(export("group", group)).isEqualTo(exported);
        // importing the Snipe-IT file again changes nothing either, custody included
        JsonPath repeated =
                runImport(csv.toString(), "mode=skip-invalid&defaultOwnerGroup=" + group);
        assertThat(repeated.getLong("rowsImported.unchanged")).isEqualTo(CATEGORIES.size());
        assertThat(repeated.getLong("custody.holdersSet")).isZero();
    }

    @Test
    void shouldImportEveryRowOfSnipeItsExportWithTheCheckedOutPersonAsHolder() {
        String p = unique("SE").toLowerCase();
        Directory people = directory(p);
        String group = createGroup(unique("IT team"));
        String otherGroupName = unique("Facilities");
        String otherGroup = createGroup(otherGroupName);
        StringBuilder csv = new StringBuilder(EXPORT_HEADER);
        String[] statuses = STATUSES.keySet().toArray(String[]::new);
        String[] checkedOutTo = {
            "Ada Lovelace " + p, "grace." + p + "@example.com", "Nobody " + p, "", "linus." + p
        };
        for (int i = 0; i < CATEGORIES.size(); i++) {
            csv.append(1000 + i)
                    .append(",Acme Ltd,")
                    .append(i == 3 ? "" : "Export item " + i)
                    .append(',')
                    .append(tag(p, i))
                    .append(",Model ")
                    .append(i)
                    .append(",MN-")
                    .append(i)
                    .append(',')
                    .append(CATEGORIES.get(i)[0])
                    .append(",Vendor,SE-")
                    .append(p)
                    .append('-')
                    .append(i)
                    .append(',')
                    // the export may name the assignee after the label
                    .append(
                            statuses[i % statuses.length]
                                    + (i == 2 ? " (Grace Hopper " + p + ")" : ""))
                    .append(',')
                    .append(checkedOutTo[i % checkedOutTo.length])
                    .append(",Leeds,2023-06-01 00:00:00,,,12,,")
                    .append(i == 5 ? otherGroupName : "")
                    .append('\n');
        }

        JsonPath job = runImport(csv.toString(), "defaultOwnerGroup=" + group);

        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.created")).isEqualTo(CATEGORIES.size());
        assertThat(job.getLong("rowsRejected")).isZero();
        // rows 0, 1, 4, 5, 6, 9, 10, 11 have a known assignee; 2, 7, 12 an unknown one
        assertThat(job.getLong("custody.holdersSet")).isEqualTo(8);
        assertThat(job.getList("custody.unknownAssignees", Map.class))
                .extracting(u -> u.get("row") + "/" + u.get("column") + "/" + u.get("value"))
                .containsExactly(
                        "4/Checked Out To/Nobody " + p,
                        "9/Checked Out To/Nobody " + p,
                        "14/Checked Out To/Nobody " + p);
        for (int i = 0; i < CATEGORIES.size(); i++) {
            JsonPath asset = asset(tag(p, i));
            assertThat(asset.getString("name")).isEqualTo(i == 3 ? "Model 3" : "Export item " + i);
            assertThat(asset.getString("category")).isEqualTo(CATEGORIES.get(i)[1]);
            assertThat(asset.getString("originalCategory")).isEqualTo(original(i));
            assertThat(asset.getString("status"))
                    .isEqualTo(STATUSES.get(statuses[i % statuses.length]));
            assertThat(asset.getString("notes"))
                    .isEqualTo("Company: Acme Ltd\nModel number: MN-" + i);
            assertThat(asset.getString("warrantyUntil")).isEqualTo("2024-06-01");
            // the person it is checked out to holds it; the owner is the default group
            assertThat(asset.getString("owner.id")).isEqualTo(i == 5 ? otherGroup : group);
            String holder =
                    switch (i % checkedOutTo.length) {
                        case 0 -> people.ada;
                        case 1 -> people.grace;
                        case 4 -> people.linus;
                        default -> null;
                    };
            assertThat(asset.getString("holder.id")).as(tag(p, i)).isEqualTo(holder);
        }

        // a migrated holder returns the asset like any other ("With Courier": in use)
        String id = asset(tag(p, 9)).getString("id");
        asAdmin()
                .header("If-Match", asAdmin().get("/api/v1/assets/" + id).header("ETag"))
                .body(Map.of("condition", "fine"))
                .post("/api/v1/assets/" + id + "/checkin")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("in_stock"))
                .body("holder", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldRejectAStatusLabelNoMappingKnowsNamingTheMappingToAdd() {
        String p = unique("SU");
        String group = createGroup(unique("IT team"));
        String csv =
                "Asset Tag,Asset Name,Category,Status\n"
                        + p
                        + "-1,Spare dock,Docking stations,Ready to Deploy\n"
                        + p
                        + "-2,Loaner,Laptops,On Loan To Partner\n";

        JsonPath job = runImport(csv, "mode=skip-invalid&defaultOwnerGroup=" + group);

        assertThat(job.getLong("rowsImported.created")).isEqualTo(1);
        assertThat(job.getLong("rowsRejected")).isEqualTo(1);
        assertThat(errors(job.getString("id")))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e).containsEntry("row", 3).containsEntry("column", "Status");
                            assertThat((String) e.get("reason"))
                                    .contains("\"On Loan To Partner\"")
                                    .contains(
                                            "custodian.imports.snipeit.statuses.\"On Loan To"
                                                    + " Partner\"=");
                        });
    }

    /** The category an asset keeps as its original: the file's, when it became other. */
    private static String original(int i) {
        return CATEGORIES.get(i)[1].equals("other") ? CATEGORIES.get(i)[0] : null;
    }

    private static String tag(String p, int i) {
        return p + "-" + String.format("%03d", i);
    }

    private record Directory(String ada, String grace, String linus) {}

    private static Directory directory(String p) {
        return new Directory(
                createPerson("ada." + p + "@example.com", "Ada Lovelace " + p),
                createPerson("grace." + p + "@example.com", "Grace Hopper " + p),
                createPerson("linus." + p + "@example.com", "Linus Torvalds " + p));
    }
}
