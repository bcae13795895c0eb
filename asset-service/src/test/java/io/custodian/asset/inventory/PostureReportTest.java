package io.custodian.asset.inventory;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.postureReport;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.custodian.asset.Sql;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's posture batch: the MDM sync reports devices by serial number; known ones get their
 * posture with history, unknown ones become unregistered devices, the same batch id twice changes
 * nothing, and a malformed row is a 422 naming the row and field with nothing of the batch written.
 */
@QuarkusTest
class PostureReportTest {

    private static final String MDM = "mdm-sync";
    private static final String PROBLEM = "application/problem+json";

    @Inject AgroalDataSource dataSource;

    @Test
    void shouldSetTheKnownDevicesPostureWithHistoryAndListUnknownSerialsAsUnregistered() {
        String known = unique("SN");
        String unknown = unique("SN");
        String laptop = laptop(known);
        String checkIn = checkIn();

        as(MDM, "mdm@example.com")
                .body(
                        batch(
                                unique("fleet"),
                                postureReport(known, false, true, true, checkIn, "Fleet"),
                                postureReport(unknown, true, true, false, checkIn, "fleet")))
                .post("/api/v1/posture-reports")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("replayed", equalTo(false))
                .body("reports", equalTo(2))
                .body("updated", equalTo(1))
                .body("unregistered", equalTo(1))
                .body("unregisteredSerialNumbers", equalTo(List.of(unknown)));

        asAdmin()
                .get("/api/v1/assets/" + laptop)
                .then()
                .statusCode(200)
                .body("posture.diskEncrypted", equalTo(false))
                .body("posture.mdmEnrolled", equalTo(true))
                .body("posture.screenLock", equalTo(true))
                .body("osVersion", equalTo("macOS 15.1"))
                .body("lastCheckInAt", equalTo(checkIn))
                .body("postureReportedAt", notNullValue())
                .body("postureSource", equalTo("fleet"));

        JsonPath history =
                asAdmin()
                        .get("/api/v1/assets/" + laptop + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        int last = history.getList("items").size() - 1;
        assertThat(history.getString("items[" + last + "].actor")).isEqualTo("mdm@example.com");
        assertThat(history.getList("items[" + last + "].changes.field", String.class))
                .contains(
                        "posture.diskEncrypted",
                        "osVersion",
                        "lastCheckInAt",
                        "postureReportedAt",
                        "postureSource");

        asAdmin()
                .get("/api/v1/reports/unregistered-devices?serialNumber=" + unknown)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].source", equalTo("fleet"))
                .body("items[0].screenLock", equalTo(false))
                .body("items[0].lastCheckInAt", equalTo(checkIn));

        // registering the device ends its being unregistered
        laptop(unknown);
        asAdmin()
                .get("/api/v1/reports/unregistered-devices?serialNumber=" + unknown)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void shouldChangeNothingWhenTheSameBatchIdComesAgainAndSaySo() {
        String serial = unique("SN");
        String laptop = laptop(serial);
        String batchId = unique("jamf");
        Map<String, Object> body =
                batch(batchId, postureReport(serial, true, true, true, checkIn(), "jamf"));
        Response first = as(MDM, "mdm@example.com").body(body).post("/api/v1/posture-reports");
        first.then().statusCode(200).body("replayed", equalTo(false)).body("updated", equalTo(1));
        String etag = etag(laptop);
        long revisions = Sql.count(dataSource, "select count(*) from asset_aud");
        long batches = Sql.count(dataSource, "select count(*) from posture_batch");

        as(MDM, "mdm@example.com")
                .body(body)
                .post("/api/v1/posture-reports")
                .then()
                .statusCode(200)
                .body("replayed", equalTo(true))
                .body("updated", equalTo(1))
                .body("receivedAt", equalTo(first.path("receivedAt")))
                .body("unregisteredSerialNumbers", nullValue());

        assertThat(etag(laptop)).isEqualTo(etag);
        assertThat(Sql.count(dataSource, "select count(*) from asset_aud")).isEqualTo(revisions);
        assertThat(Sql.count(dataSource, "select count(*) from posture_batch")).isEqualTo(batches);

        // the same id with other reports is another batch: refused, nothing written
        as(MDM, "mdm@example.com")
                .body(batch(batchId, postureReport(serial, false, true, true, checkIn(), "jamf")))
                .post("/api/v1/posture-reports")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("batchId"));
        assertThat(etag(laptop)).isEqualTo(etag);
    }

    @Test
    void shouldRefuseAMalformedCsvRowNamingRowAndFieldAndWriteNothingOfTheBatch() {
        String serial = unique("SN");
        String stranger = unique("SN");
        String laptop = laptop(serial);
        String batchId = unique("csv");
        String header =
                "serialNumber,diskEncrypted,mdmEnrolled,screenLock,osVersion,lastCheckIn,source\n";
        String good = serial + ",yes,yes,yes,macOS 15.1," + checkIn() + ",jamf\n";
        String unknown = stranger + ",true,true,true,," + checkIn() + ",jamf\n";
        String bad = unique("SN") + ",maybe,true,true,," + checkIn() + ",jamf\n";
        long unregistered = Sql.count(dataSource, "select count(*) from unregistered_device");

        csv(batchId, header + good + unknown + bad)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("rows[4].diskEncrypted"))
                .body("errors[0].message", equalTo("expected true or false"));

        asAdmin()
                .get("/api/v1/assets/" + laptop)
                .then()
                .statusCode(200)
                .body("postureReportedAt", nullValue())
                .body("posture.diskEncrypted", nullValue());
        assertThat(Sql.count(dataSource, "select count(*) from unregistered_device"))
                .isEqualTo(unregistered);
        assertThat(
                        Sql.count(
                                dataSource,
                                "select count(*) from posture_batch where id = ?",
                                batchId))
                .isZero();

        // the batch id was not spent: the corrected file is taken under it
        csv(batchId, header + good + unknown)
                .then()
                .statusCode(200)
                .body("replayed", equalTo(false))
                .body("updated", equalTo(1))
                .body("unregisteredSerialNumbers", hasItem(stranger));
        asAdmin()
                .get("/api/v1/assets/" + laptop)
                .then()
                .statusCode(200)
                .body("posture.diskEncrypted", equalTo(true))
                .body("postureSource", equalTo("jamf"));
    }

    @Test
    void shouldRefuseAnInvalidJsonReportNamingItsIndexAndField() {
        String serial = unique("SN");
        String laptop = laptop(serial);
        Map<String, Object> missing =
                postureReport(unique("SN"), true, true, true, checkIn(), "fleet");
        missing.remove("lastCheckIn");
        Map<String, Object> server =
                new HashMap<>(postureReport(unique("SRV"), true, true, true, checkIn(), "fleet"));
        String serverSerial = (String) server.get("serialNumber");
        createAsset(
                Map.of(
                        "assetTag",
                        unique("SRV"),
                        "name",
                        "Build server",
                        "category",
                        "server",
                        "classification",
                        "internal",
                        "serialNumber",
                        serverSerial,
                        "owner",
                        Map.of("type", "group", "id", createGroup(unique("Ops")))));

        as(MDM, "mdm@example.com")
                .body(
                        batch(
                                unique("fleet"),
                                postureReport(serial, true, true, true, checkIn(), "fleet"),
                                missing))
                .post("/api/v1/posture-reports")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("reports[1].lastCheckIn"));
        as(MDM, "mdm@example.com")
                .body(
                        batch(
                                unique("fleet"),
                                postureReport(serial, true, true, true, checkIn(), "fleet"),
                                server))
                .post("/api/v1/posture-reports")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("reports[1].serialNumber"));
        asAdmin()
                .get("/api/v1/assets/" + laptop)
                .then()
                .statusCode(200)
                .body("postureReportedAt", nullValue());

        as("employee", unique("emp") + "@example.com")
                .body(
                        batch(
                                unique("fleet"),
                                postureReport(serial, true, true, true, checkIn(), "fleet")))
                .post("/api/v1/posture-reports")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A laptop with this serial number, owned by a new group; returns its id. */
    static String laptop(String serial) {
        return createAsset(
                Map.of(
                        "assetTag",
                        unique("LT"),
                        "name",
                        "MacBook Pro 14",
                        "category",
                        "laptop",
                        "classification",
                        "confidential",
                        "serialNumber",
                        serial,
                        "owner",
                        Map.of("type", "group", "id", createGroup(unique("Team")))));
    }

    static Map<String, Object> batch(String batchId, Map<?, ?>... reports) {
        return Map.of("batchId", batchId, "reports", List.of(reports));
    }

    static String checkIn() {
        return TestClock.now()
                .minus(10, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private static Response csv(String batchId, String body) {
        return as(MDM, "mdm@example.com")
                .contentType("text/csv; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/posture-reports?batchId=" + batchId);
    }
}
