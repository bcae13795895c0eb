package io.custodian.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An export the client walks away from: the packaged asset-service streams a register far larger
 * than the socket buffers, the client reads the first bytes and resets the connection. The export
 * is on record as failed, with fewer rows than the register has; its read-only transaction and
 * database connection are given back at once; and the next export of the same register is whole.
 */
class AbandonedExportTest {

    /** Rows of about 1.3 kB each: some 13 MB of CSV, far more than loopback's socket buffers. */
    private static final int ROWS = 10_000;

    private static final String NOTES = "n".repeat(1_000);

    private static Custodian custodian;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM = context -> custodian = Custodian.get(context);

    @Test
    void shouldRecordAnExportTheClientAbandonsAsFailedAndGiveItsTransactionBack() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String team = team(marker);
        importAssets(marker, team);
        String admin = "exporter-" + marker + "@example.com";

        Instant started = Instant.now();
        int received = readFirstBytesAndReset(admin, team, 64 * 1024);
        assertThat(received).isGreaterThan(0);

        JsonPath record =
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(
                                () -> exportsBy(admin),
                                page ->
                                        page.getList("items").size() == 1
                                                && !"running"
                                                        .equals(page.getString("items[0].status")));
        long finishedMs = Duration.between(started, Instant.now()).toMillis();
        assertThat(record.getString("items[0].status")).isEqualTo("failed");
        assertThat(record.getString("items[0].format")).isEqualTo("csv");
        assertThat(record.getLong("items[0].rowCount")).isBetween(1L, ROWS - 1L);
        assertThat(record.getString("items[0].finishedAt")).isNotNull();

        // nothing of the export is left in PostgreSQL: no open transaction of asset-service's
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> openTransactionsOlderThan(Duration.ofSeconds(1)) == 0);

        // the register is whole to the next client, and that export is on record as completed
        asAdmin(admin)
                .accept(ContentType.JSON)
                .queryParam("format", "json")
                .queryParam("ownerType", "group")
                .queryParam("ownerId", team)
                .get("/api/v1/exports")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("size()", equalTo(ROWS))
                .body("[0].assetTag", equalTo(tag(marker, 1)))
                .body("[" + (ROWS - 1) + "].assetTag", equalTo(tag(marker, ROWS)));
        JsonPath after = exportsBy(admin);
        assertThat(after.getList("items")).hasSize(2);
        assertThat(after.getString("items[0].status")).isEqualTo("completed");
        assertThat(after.getLong("items[0].rowCount")).isEqualTo(ROWS);
        assertThat(after.getString("items[1].status")).isEqualTo("failed");

        System.out.printf(
                "export of %d rows abandoned after %d bytes: recorded failed after %d rows, %d ms"
                        + " after the request%n",
                ROWS, received, record.getLong("items[0].rowCount"), finishedMs);
    }

    /**
     * A raw HTTP/1.1 request for the team's CSV export: reads the answer's first {@code bytes} (the
     * status line asserted) and closes with a reset (SO_LINGER 0), as a client that crashes or is
     * killed does. Returns how many bytes it read.
     */
    private static int readFirstBytesAndReset(String admin, String team, int bytes)
            throws IOException {
        URI base = URI.create(custodian.assetService);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String request =
                    "GET /api/v1/exports?format=csv&ownerType=group&ownerId="
                            + team
                            + " HTTP/1.1\r\n"
                            + "Host: "
                            + base.getHost()
                            + ":"
                            + base.getPort()
                            + "\r\n"
                            + "Authorization: Bearer "
                            + custodian.token("asset-admin", admin)
                            + "\r\n"
                            + "Accept: text/csv\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read = 0;
            StringBuilder head = new StringBuilder();
            while (read < bytes) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                if (head.length() < 64) {
                    head.append(new String(buffer, 0, Math.min(n, 64), StandardCharsets.US_ASCII));
                }
                read += n;
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 200");
            socket.setSoLinger(true, 0);
            return read;
        }
    }

    private static JsonPath exportsBy(String admin) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token("auditor", "audit@example.com"))
                .queryParam("requestedBy", admin)
                .get("/api/v1/reports/exports")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    /** asset-service's sessions whose transaction has been open longer than {@code age}. */
    private static int openTransactionsOlderThan(Duration age) throws Exception {
        try (Connection db = custodian.postgres.superuserConnection("custodian_assets");
                PreparedStatement query =
                        db.prepareStatement(
                                "select count(*) from pg_stat_activity where datname ="
                                        + " 'custodian_assets' and usename = 'custodian' and"
                                        + " xact_start < now() - make_interval(secs => ?)")) {
            query.setDouble(1, age.toMillis() / 1000.0);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String team(String marker) {
        return asAdmin("it@example.com")
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                "Export team " + marker,
                                "contactEmail",
                                "export-" + marker + "@example.com"))
                .post("/api/v1/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** {@link #ROWS} monitors of the team with long notes, through the bulk import. */
    private static void importAssets(String marker, String team) {
        StringBuilder csv =
                new StringBuilder("assetTag,name,category,classification,owner,ownerType,notes\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(tag(marker, i))
                    .append(",Monitor ")
                    .append(i)
                    .append(",other,internal,Export team ")
                    .append(marker)
                    .append(",group,")
                    .append(NOTES)
                    .append('\n');
        }
        String job =
                asAdmin("it@example.com")
                        .contentType("text/csv")
                        .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/imports")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () ->
                                asAdmin("it@example.com")
                                        .get("/api/v1/imports/" + job)
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .<String>path("state"),
                        state -> !state.equals("queued") && !state.equals("running"));
        asAdmin("it@example.com")
                .get("/api/v1/imports/" + job)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("state", equalTo("completed"))
                .body("rowsImported.created", equalTo(ROWS));
    }

    private static String tag(String marker, int i) {
        return String.format("AX-%s-%05d", marker, i);
    }

    private static RequestSpecification asAdmin(String email) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token("asset-admin", email));
    }
}
