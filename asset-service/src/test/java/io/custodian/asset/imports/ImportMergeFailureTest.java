package io.custodian.asset.imports;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.imports.ImportTest.asset;
import static io.custodian.asset.imports.ImportTest.errors;
import static io.custodian.asset.imports.ImportTest.leaverOf;
import static io.custodian.asset.imports.ImportTest.runImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.api.event.EventTypes;
import io.custodian.asset.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An import whose merge fails after it has begun writing — a row of the register, a history row, or
 * the event of the off-boarding it completes is refused by a trigger the test installs — leaves
 * nothing of the file behind, in either mode; the job says why; the same file imports once the
 * cause is gone.
 */
@QuarkusTest
class ImportMergeFailureTest {

    @Inject DataSource dataSource;

    /** Where the merge is made to fail, and in which mode ("" = the default, all-or-nothing). */
    static Stream<Arguments> failures() {
        return Stream.of("", "mode=skip-invalid")
                .flatMap(
                        mode ->
                                Stream.of(
                                        Arguments.of(mode, Point.REGISTER),
                                        Arguments.of(mode, Point.HISTORY),
                                        Arguments.of(mode, Point.OUTBOX)));
    }

    enum Point {
        /** The insert of the third new asset (the others, and the leaver's update, are written). */
        REGISTER,
        /** The history row of the third new asset. */
        HISTORY,
        /** The event of the off-boarding the import completes, written at the commit. */
        OUTBOX
    }

    @ParameterizedTest(name = "{1}, {0}")
    @MethodSource("failures")
    void shouldLeaveNothingWrittenWhenTheMergeFailsPartWay(String mode, Point point)
            throws SQLException {
        String p = unique("MF");
        String group = createGroup("Finance " + p);
        String offboarding = leaverOf(p + "-9");
        String leaversAsset = asset(p + "-9").getString("id");
        boolean skipInvalid = !mode.isEmpty();
        StringBuilder csv = new StringBuilder("assetTag,name,category,classification,owner\n");
        for (int i = 1; i <= 5; i++) {
            csv.append(p + "-" + i + ",Laptop " + i + ",laptop,internal,Finance " + p + "\n");
        }
        if (skipInvalid) {
            csv.append(p + "-6,Laptop 6,laptop,secret,Finance " + p + "\n");
        }
        // the leaver's asset gets the group as its owner: the import completes the off-boarding
        csv.append(p + "-9,Budget workbook,laptop,confidential,Finance " + p + "\n");
        long lastRevision = lastRevision();
        String refusal = "refused by the test at " + point;

        JsonPath failed;
        try (Triggers triggers = new Triggers(dataSource)) {
            switch (point) {
                case REGISTER ->
                        triggers.fail(
                                "asset",
                                "insert",
                                "new.asset_tag = " + Triggers.quote(p + "-3"),
                                refusal);
                case HISTORY ->
                        triggers.fail(
                                "asset_aud",
                                "insert",
                                "new.asset_tag = " + Triggers.quote(p + "-3"),
                                refusal);
                case OUTBOX ->
                        triggers.fail(
                                "outbox_event",
                                "insert",
                                "new.aggregate_id = " + Triggers.quote(offboarding),
                                refusal);
            }
            failed = runImport(csv.toString(), mode);
        }

        // the job: failed, saying why, with nothing counted as imported
        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getString("mode"))
                .isEqualTo(skipInvalid ? "skip-invalid" : "all-or-nothing");
        assertThat(failed.getString("failure"))
                .contains(refusal)
                .contains("nothing of the file was written");
        assertThat(failed.getString("revision")).isNull();
        assertThat(failed.getLong("rowsImported.created")).isZero();
        assertThat(failed.getLong("rowsImported.updated")).isZero();
        assertThat(failed.getLong("rowsRead")).isEqualTo(skipInvalid ? 7 : 6);
        assertThat(errors(failed.getString("id"))).hasSize(skipInvalid ? 1 : 0);
        // the register, its history and the outbox: as before the import
        assertThat(count("select count(*) from asset where asset_tag like ?", p + "-%"))
                .as("assets")
                .isEqualTo(1);
        JsonPath kept = asset(p + "-9");
        assertThat(kept.getString("owner.type")).isEqualTo("person");
        assertThat(kept.getString("name")).isEqualTo("MacBook Pro 14");
        assertThat(count("select count(*) from revinfo where rev > ?", lastRevision))
                .as("revisions")
                .isZero();
        assertThat(count("select count(*) from asset_aud where rev > ?", lastRevision))
                .as("history rows")
                .isZero();
        asAdmin()
                .get("/api/v1/assets/" + leaversAsset + "/history")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("created"));
        assertThat(outboxEvents(offboarding, EventTypes.OFFBOARDING_COMPLETED)).isZero();
        assertThat(outboxEvents(offboarding, EventTypes.OFFBOARDING_STARTED)).isEqualTo(1);
        asAdmin()
                .get("/api/v1/offboardings/" + offboarding)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("open"))
                .body("items.size()", equalTo(1))
                .body("items[0].status", equalTo("pending"));
        assertThat(
                        count(
                                "select count(*) from import_row where job_id = ?",
                                UUID.fromString(failed.getString("id"))))
                .as("staged rows left")
                .isZero();

        // the cause gone, the same file imports whole
        JsonPath again = runImport(csv.toString(), mode);

        assertThat(again.getString("state")).isEqualTo("completed");
        assertThat(again.getLong("rowsImported.created")).isEqualTo(5);
        assertThat(again.getLong("rowsImported.updated")).isEqualTo(1);
        assertThat(again.getLong("rowsRejected")).isEqualTo(skipInvalid ? 1 : 0);
        assertThat(count("select count(*) from asset where asset_tag like ?", p + "-%"))
                .isEqualTo(6);
        assertThat(asset(p + "-9").getString("owner.id")).isEqualTo(group);
        assertThat(count("select count(*) from asset_aud where rev = ?", again.getLong("revision")))
                .as("history rows of the import")
                .isEqualTo(6);
        asAdmin()
                .get("/api/v1/offboardings/" + offboarding)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("items[0].status", equalTo("transferred"));
        assertThat(outboxEvents(offboarding, EventTypes.OFFBOARDING_COMPLETED)).isEqualTo(1);
    }

    private long lastRevision() throws SQLException {
        return count("select coalesce(max(rev), 0) from revinfo");
    }

    private long outboxEvents(String offboarding, String type) throws SQLException {
        return count(
                "select count(*) from outbox_event where aggregate_type = 'offboarding'"
                        + " and aggregate_id = ? and type = ?",
                offboarding,
                type);
    }

    private long count(String sql, Object... parameters) {
        return Sql.count(dataSource, sql, parameters);
    }
}
