package io.custodian.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.custodian.e2e.Custodian.AssetServiceOptions;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The register export streams: the asset-service runs with a heap of {@link #HEAP} (and dies on an
 * OutOfMemoryError rather than limp on) and a cursor of {@link #FETCH_SIZE} rows, the register
 * holds {@link #ROWS} assets more (seeded straight into its PostgreSQL, as deploy/load does for the
 * benchmark), so that each download, CSV and JSON, is a few times larger than the heap. Every row
 * arrives, the process lives on, and the record of exports says completed with the row count. A
 * download the client breaks off is recorded as failed, with the rows written until then, and the
 * service goes on serving.
 */
class LargeExportTest {

    private static final int HEAP_MIB = 96;
    private static final String HEAP = HEAP_MIB + "m";
    private static final int FETCH_SIZE = 100;
    private static final int ROWS = 64_000;

    /** Each seeded asset's notes: a 3,200-character text, so that the rows are large. */
    private static final int NOTES_REPEAT = 100;

    private static final String PREFIX = "EXPBENCH-";
    private static final UUID GROUP =
            UUID.nameUUIDFromBytes("e2e-export-bench".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Custodian custodian;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM =
            context -> {
                custodian =
                        Custodian.get(
                                context,
                                AssetServiceOptions.DEFAULT
                                        .withMaxHeap(HEAP)
                                        .withJvmOption("-XX:+ExitOnOutOfMemoryError")
                                        .withEnv(
                                                "CUSTODIAN_EXPORTS_FETCH_SIZE",
                                                String.valueOf(FETCH_SIZE)));
                seed();
            };

    @AfterAll
    static void removeTheSeededAssets() throws Exception {
        try (Connection db = custodian.postgres.superuserConnection("custodian_assets");
                Statement sql = db.createStatement()) {
            sql.execute("delete from asset where asset_tag like '" + PREFIX + "%'");
            sql.execute("delete from asset_group where id = '" + GROUP + "'");
        }
    }

    @Test
    void shouldStreamCsvAndJsonExportsSeveralTimesLargerThanTheHeapWithEveryRow() throws Exception {
        long heap = (long) HEAP_MIB << 20;
        for (String format : new String[] {"csv", "json"}) {
            long register = registerSize();
            String requester = "export-" + format + "-" + UUID.randomUUID() + "@example.com";
            long started = System.nanoTime();
            HttpResponse<InputStream> download = download(format, "", requester);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElse(""))
                    .startsWith(format.equals("csv") ? "text/csv" : "application/json");
            assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment; filename=\"custodian-assets-")
                    .endsWith("." + format + "\"");
            Counted counted;
            long bytes;
            try (CountingStream body = new CountingStream(download.body())) {
                counted = format.equals("csv") ? csv(body) : json(body);
                bytes = body.bytes;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;

            assertThat(counted.seeded()).as("seeded rows in the %s export", format).isEqualTo(ROWS);
            assertThat(counted.rows()).as("rows in the %s export", format).isEqualTo(register);
            assertThat(bytes)
                    .as("%s export larger than twice the heap", format)
                    .isGreaterThan(2 * heap);
            assertThat(custodian.isAssetServiceRunning()).as("asset-service alive").isTrue();
            given().baseUri(custodian.assetManagement)
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("status", equalTo("UP"));
            exportsOf(requester)
                    .body("items", hasSize(1))
                    .body("items[0].status", equalTo("completed"))
                    .body("items[0].format", equalTo(format))
                    .body("items[0].rowCount", equalTo((int) register))
                    .body("items[0].finishedAt", notNullValue())
                    .body("items[0].failure", nullValue());
            System.out.printf(
                    "export %s: %d rows, %d MiB through a %s heap (fetch size %d) in %d ms;"
                            + " asset-service peak RSS so far %s%n",
                    format, counted.rows(), bytes >> 20, HEAP, FETCH_SIZE, ms, peakRss());
        }
    }

    @Test
    void shouldRecordAnExportTheClientBreaksOffAsFailedAndServeOn() throws Exception {
        // the seeded assets only (their group owns them): other tests' assets may sort first
        long register = ROWS;
        String requester = "export-aborted-" + UUID.randomUUID() + "@example.com";
        URI base = URI.create(custodian.assetService);
        long rowsRead;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000); // an answer shorter than the head must not hang the build
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET /api/v1/exports?format=csv&ownerType=group&ownerId="
                                    + GROUP
                                    + " HTTP/1.1\r\n"
                                    + "Host: "
                                    + base.getAuthority()
                                    + "\r\nAuthorization: Bearer "
                                    + custodian.token("auditor", requester)
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = new byte[256 << 10];
            InputStream in = socket.getInputStream();
            int read = 0;
            while (read < head.length) {
                int n = in.read(head, read, head.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            String received = new String(head, 0, read, StandardCharsets.UTF_8);
            assertThat(received).startsWith("HTTP/1.1 200");
            rowsRead = received.lines().filter(l -> l.startsWith(PREFIX)).count();
            assertThat(rowsRead).as("rows read before going away").isPositive();
            // the client goes away with most of the export unread
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () ->
                                exportsOf(requester)
                                        .body("items", hasSize(1))
                                        .body("items[0].status", equalTo("failed"))
                                        .body("items[0].failure", equalTo("client_disconnected")));
        JsonPath record = exportsOf(requester).extract().jsonPath();
        assertThat(record.getString("items[0].finishedAt")).isNotNull();
        assertThat(record.getLong("items[0].rowCount"))
                .as("rows written before the connection broke")
                .isGreaterThanOrEqualTo(rowsRead)
                .isLessThan(register);
        System.out.printf(
                "export broken off by the client after %d rows read: recorded failed, %d rows"
                        + " written of %d%n",
                rowsRead, record.getLong("items[0].rowCount"), register);

        // the service serves on: the next export runs to its end
        assertThat(custodian.isAssetServiceRunning()).isTrue();
        String next = "export-after-" + UUID.randomUUID() + "@example.com";
        HttpResponse<InputStream> one = download("csv", "&assetTag=" + PREFIX + "0000001", next);
        assertThat(one.statusCode()).isEqualTo(200);
        try (InputStream body = one.body()) {
            assertThat(csv(body).rows()).isEqualTo(1);
        }
        exportsOf(next)
                .body("items[0].status", equalTo("completed"))
                .body("items[0].rowCount", equalTo(1));
    }

    // --- helpers -----------------------------------------------------------------------------

    private record Counted(long rows, long seeded) {}

    /** Data rows (lines after the header; no seeded cell holds a line break), seeded ones. */
    private static Counted csv(InputStream body) throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        String header = lines.readLine();
        assertThat(header).startsWith("assetTag,name,category,");
        long rows = 0;
        long seeded = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            rows++;
            if (line.startsWith(PREFIX)) {
                seeded++;
            }
        }
        return new Counted(rows, seeded);
    }

    /** The array's objects and the seeded ones among them; the array must be complete. */
    private static Counted json(InputStream body) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            long rows = 0;
            long seeded = 0;
            for (JsonToken t = parser.nextToken();
                    t != JsonToken.END_ARRAY;
                    t = parser.nextToken()) {
                assertThat(t).isEqualTo(JsonToken.START_OBJECT);
                rows++;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("assetTag") && parser.getText().startsWith(PREFIX)) {
                        seeded++;
                    }
                }
            }
            assertThat(parser.nextToken()).as("nothing after the array").isNull();
            return new Counted(rows, seeded);
        }
    }

    private static HttpResponse<InputStream> download(
            String format, String filters, String requester) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        custodian.assetService
                                                + "/api/v1/exports?format="
                                                + format
                                                + filters))
                        .header("Authorization", "Bearer " + custodian.token("auditor", requester))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static ValidatableResponse exportsOf(String requester) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token("auditor", "audit@example.com"))
                .queryParam("requestedBy", requester)
                .get("/api/v1/reports/exports")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
    }

    /** Every asset in the register (nothing else writes to it while a test runs). */
    private static long registerSize() throws Exception {
        try (Connection db = custodian.postgres.superuserConnection("custodian_assets");
                Statement sql = db.createStatement();
                ResultSet count = sql.executeQuery("select count(*) from asset")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** {@link #ROWS} laptops owned by one team, as deploy/load/seed-assets.sql seeds them. */
    private static void seed() throws Exception {
        long started = System.nanoTime();
        try (Connection db = custodian.postgres.superuserConnection("custodian_assets")) {
            try (PreparedStatement group =
                    db.prepareStatement(
                            "insert into asset_group (id, name, contact_email, created_at,"
                                    + " updated_at) values (?, 'Export bench team',"
                                    + " 'export.bench@example.com', now(), now()) on conflict do"
                                    + " nothing")) {
                group.setObject(1, GROUP);
                group.executeUpdate();
            }
            try (PreparedStatement assets =
                    db.prepareStatement(
                            "insert into asset (id, asset_tag, name, category, classification,"
                                    + " status, serial_number, manufacturer, model, notes,"
                                    + " owner_group_id, created_at, updated_at, version,"
                                    + " disk_encrypted, mdm_enrolled, screen_lock,"
                                    + " next_verification_due)"
                                    + " select md5('expbench-asset-' || i)::uuid, ? ||"
                                    + " lpad(i::text, 7, '0'), 'Export bench laptop #' || i,"
                                    + " 'LAPTOP', 'CONFIDENTIAL', 'IN_STOCK', 'EXPSN' ||"
                                    + " lpad(i::text, 9, '0'), 'Bench Inc.', 'Model ' || (i %"
                                    + " 50), repeat(md5(i::text), ?), ?, now(), now(), 0, true,"
                                    + " true, true, now() + interval '90 days'"
                                    + " from generate_series(1, ?) i on conflict do nothing")) {
                assets.setString(1, PREFIX);
                assets.setInt(2, NOTES_REPEAT);
                assets.setObject(3, GROUP);
                assets.setInt(4, ROWS);
                assets.executeUpdate();
            }
            try (Statement sql = db.createStatement()) {
                sql.execute("analyze asset");
            }
        }
        System.out.printf(
                "seeded %d assets in %d ms%n", ROWS, (System.nanoTime() - started) / 1_000_000);
    }

    /** The asset-service's peak resident memory (VmHWM), as Linux reports it. */
    private static String peakRss() {
        Path status =
                Path.of("/proc", String.valueOf(custodian.assetServiceProcess().pid()), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.substring("VmHWM:".length()).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        long bytes;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }
    }
}
