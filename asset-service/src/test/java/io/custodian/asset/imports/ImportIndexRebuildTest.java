package io.custodian.asset.imports;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration-sized import (at least doubling the register) builds the register's secondary indexes
 * once after the merge: afterwards every index is there again, as defined, and searches use them.
 */
@QuarkusTest
@TestProfile(ImportIndexRebuildTest.SmallThreshold.class)
class ImportIndexRebuildTest {

    public static class SmallThreshold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.imports.rebuild-indexes-from", "100",
                    "custodian.imports.lock-wait", "PT1S");
        }
    }

    @Inject DataSource dataSource;

    @Test
    void shouldRebuildTheRegistersIndexesAfterAnImportThatAtLeastDoublesIt() throws Exception {
        Map<String, String> before = indexes();
        Map<String, String> constraintsBefore = constraints();
        Map<String, Long> oidsBefore = oids();
        String p = unique("IX");
        String group = createGroup("Migration " + p);
        long rows = migrationSize();
        JsonPath job = runImport(workstations(p, rows));

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.created")).isEqualTo(rows);
        // the same indexes, valid, built anew (new relations) — all but the register's primary key
        // (other tables' foreign keys use it); the history's too, as the import at least doubles it
        assertThat(indexes()).isEqualTo(before);
        Map<String, Long> oidsAfter = oids();
        assertThat(oidsAfter.get("asset_name_trgm_ix"))
                .isNotEqualTo(oidsBefore.get("asset_name_trgm_ix"));
        assertThat(oidsAfter.get("asset_tag_uq")).isNotEqualTo(oidsBefore.get("asset_tag_uq"));
        assertThat(oidsAfter.get("asset_aud_pkey")).isNotEqualTo(oidsBefore.get("asset_aud_pkey"));
        assertThat(oidsAfter.get("asset_pkey")).isEqualTo(oidsBefore.get("asset_pkey"));
        // and the same constraints, foreign keys included, checked again against every row
        assertThat(constraints()).isEqualTo(constraintsBefore);
        assertThat(constraintsBefore)
                .containsKeys("asset_owner_group_id_fkey", "asset_aud_rev_fkey")
                .allSatisfy((name, definition) -> assertThat(definition).startsWith("true "));
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(
                            () ->
                                    s.executeUpdate(
                                            "update asset set owner_group_id ="
                                                    + " gen_random_uuid() where asset_tag = '"
                                                    + p
                                                    + "-1'"))
                    .hasMessageContaining("asset_owner_group_id_fkey");
        }
        // and the register answers through them
        asAdmin()
                .queryParam("q", "workstation " + p.toLowerCase() + " 7")
                .queryParam("ownerType", "group")
                .queryParam("ownerId", group)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("Workstation " + p + " 7"));
    }

    @Test
    void shouldUpdateKnownAssetsAndKeepWorkflowStatusesWhenRebuilding() throws Exception {
        String p = unique("IU");
        createGroup("Migration " + p);
        long first = Math.max(100, registerSize() + 1);
        runImport(workstations(p, first));
        // a workflow owns this one's status now
        asAdmin()
                .body(
                        Map.of(
                                "assetTag",
                                p + "-2",
                                "kind",
                                "stolen",
                                "occurredAt",
                                TestClock.now().minusSeconds(600).toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
        Map<String, Long> oidsBefore = oids();

        // every known tag renamed, plus enough new ones for the file to at least double the
        // register
        long total = registerSize() + 50;
        JsonPath job = runImport(workstations(p, total).replace("Workstation ", "Desk PC "));

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.updated")).isEqualTo(first);
        assertThat(job.getLong("rowsImported.created")).isEqualTo(total - first);
        assertThat(oids().get("asset_tag_uq")).isNotEqualTo(oidsBefore.get("asset_tag_uq"));
        JsonPath stolen =
                asAdmin()
                        .queryParam("assetTag", p + "-2")
                        .get("/api/v1/assets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(stolen.getString("items[0].name")).isEqualTo("Desk PC " + p + " 2");
        assertThat(stolen.getString("items[0].status")).isEqualTo("stolen");
        asAdmin()
                .get("/api/v1/assets/" + stolen.getString("items[0].id") + "/history")
                .then()
                .statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("created", "updated"))
                .body("items[-1].revision", equalTo(job.getInt("revision")));
        // the same file again changes nothing
        JsonPath again = runImport(workstations(p, total).replace("Workstation ", "Desk PC "));
        assertThat(again.getLong("rowsImported.unchanged")).isEqualTo(total);
    }

    @Test
    void shouldSettleALeaversOwnershipTransferInAMigration() throws Exception {
        String p = unique("IL");
        createGroup("Migration " + p);
        String offboarding = ImportTest.leaverOf(p + "-1");
        Map<String, Long> oidsBefore = oids();
        long rows = migrationSize();

        // the file gives the leaver's asset to the group, among enough new ones for a migration
        JsonPath job = runImport(workstations(p, rows));

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsImported.updated")).isEqualTo(1);
        assertThat(job.getLong("rowsImported.created")).isEqualTo(rows - 1);
        assertThat(oids().get("asset_name_trgm_ix"))
                .isNotEqualTo(oidsBefore.get("asset_name_trgm_ix"));
        asAdmin()
                .get("/api/v1/offboardings/" + offboarding)
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("transferred"))
                .body("status", equalTo("completed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"asset", "person", "asset_group", "asset_aud", "revinfo"})
    void shouldMergeRowByRowWhenATableTheRebuildHoldsIsBusy(String table) throws Exception {
        Map<String, Long> oidsBefore = oids();
        Map<String, String> constraintsBefore = constraints();
        String p = unique("IB");
        createGroup("Migration " + p);
        String csv = workstations(p, migrationSize());
        JsonPath job;
        // a long reader (an export, say, or a request reading people) holds the register, its
        // history or a table their foreign keys name while the import wants it
        try (Connection reader = dataSource.getConnection();
                Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            s.executeQuery("select count(*) from " + table).close();
            job = runImport(csv);
            reader.rollback();
        }

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(oids()).isEqualTo(oidsBefore);
        assertThat(constraints()).isEqualTo(constraintsBefore);
        asAdmin()
                .queryParam("q", p.toLowerCase() + " 3")
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("Workstation " + p + " 3"));
    }

    private static String workstations(String p, long rows) {
        StringBuilder csv = new StringBuilder("assetTag,name,category,classification,owner\n");
        for (long i = 1; i <= rows; i++) {
            csv.append(p).append('-').append(i).append(",Workstation ").append(p).append(' ');
            csv.append(i).append(",desktop,internal,Migration ").append(p).append('\n');
        }
        return csv.toString();
    }

    private static JsonPath runImport(String csv) {
        String location =
                asAdmin()
                        .contentType("text/csv")
                        .body(csv.getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/imports")
                        .then()
                        .statusCode(202)
                        .extract()
                        .header("Location");
        String path = location.substring(location.indexOf("/api/v1/imports/"));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                !asAdmin()
                                        .get(path)
                                        .path("state")
                                        .toString()
                                        .matches("queued|running"));
        return asAdmin().get(path).then().statusCode(200).extract().jsonPath();
    }

    private long registerSize() throws SQLException {
        return count("asset");
    }

    /** Rows enough to at least double the register and its history. */
    private long migrationSize() throws SQLException {
        return Math.max(100, Math.max(count("asset"), count("asset_aud")) + 1);
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The register's and its history's constraints: name → validated, definition. */
    private Map<String, String> constraints() throws SQLException {
        return query(
                "select conname, convalidated || ' ' || pg_get_constraintdef(oid) from"
                        + " pg_constraint where conrelid in ('asset'::regclass,"
                        + " 'asset_aud'::regclass)");
    }

    private Map<String, String> indexes() throws SQLException {
        // name → method, columns, uniqueness, expressions, predicate (a re-created predicate may be
        // spelled differently by pg_get_indexdef, with the same meaning)
        return query(
                "select c.relname, concat_ws(' ', am.amname, x.indkey::text, x.indisunique,"
                        + " x.indexprs is not null, x.indpred is not null, x.indisvalid)"
                        + " from pg_index x join pg_class c on c.oid = x.indexrelid"
                        + " join pg_am am on am.oid = c.relam"
                        + " where x.indrelid in ('asset'::regclass, 'asset_aud'::regclass)");
    }

    private Map<String, Long> oids() throws SQLException {
        Map<String, Long> oids = new TreeMap<>();
        query(
                        "select c.relname, c.oid::text from pg_index x join pg_class c on c.oid ="
                                + " x.indexrelid where x.indrelid in ('asset'::regclass,"
                                + " 'asset_aud'::regclass)")
                .forEach((name, oid) -> oids.put(name, Long.parseLong(oid)));
        return oids;
    }

    private Map<String, String> query(String sql) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }
}
