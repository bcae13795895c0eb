package io.custodian.asset;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.custodian.api.event.TraceParent;
import io.custodian.local.testing.Scrape;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of one loss report, as in production: the metrics on the management port
 * (not on the API port) move with it.
 */
@QuarkusTest
@TestProfile(ObservabilityTest.ManagementPort.class)
class ObservabilityTest {

    static final int MANAGEMENT_PORT = Scrape.freePort();

    /** Health and metrics on a management port of their own, spans recorded in memory. */
    public static class ManagementPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Scrape.managementAndTracing(MANAGEMENT_PORT);
        }
    }

    private static final AttributeKey<String> EVENT_ID =
            AttributeKey.stringKey("custodian.event.id");

    @Inject InMemorySpanExporter spans;

    private static Scrape scrape() {
        return Scrape.of("http://127.0.0.1:" + MANAGEMENT_PORT + "/q/metrics");
    }

    @Test
    void shouldCountALossReportAndItsPublicationOnTheManagementPort() {
        Scrape before = scrape();
        String asset = reported("stolen", TestClock.now().minus(Duration.ofHours(2))).key();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> scrape().value("custodian_outbox_backlog") == 0);

        Scrape after = scrape();
        assertThat(after.contentType()).containsAnyOf("text/plain", "application/openmetrics-text");
        String reported =
                before.describe("custodian_incidents_reported_total")
                        + " then "
                        + after.describe("custodian_incidents_reported_total");
        assertThat(
                        after.value(
                                        "custodian_incidents_reported_total",
                                        "kind",
                                        "stolen",
                                        "late",
                                        "false")
                                - before.value(
                                        "custodian_incidents_reported_total",
                                        "kind",
                                        "stolen",
                                        "late",
                                        "false"))
                .as(reported)
                .isEqualTo(1);
        // the other series are there at 0, so dashboards and alerts see them from the start
        assertThat(after.has("custodian_incidents_reported_total", "kind", "lost", "late", "true"))
                .isTrue();
        assertThat(after.value("custodian_outbox_published_total"))
                .isGreaterThanOrEqualTo(before.value("custodian_outbox_published_total") + 1);
        assertThat(after.value("custodian_outbox_oldest_age_seconds")).isBetween(0.0, 1.0);
        assertThat(after.has("custodian_offboardings_overdue")).isTrue();
        assertThat(
                        after.has(
                                "custodian_imports_rows_total",
                                "result",
                                "created",
                                "dry_run",
                                "false"))
                .isTrue();
        // the standard HTTP server histogram, by route template (never an id)
        assertThat(after.labelsOf("http_server_requests_seconds_count"))
                .anyMatch(l -> "/api/v1/incidents".equals(l.get("uri")))
                .noneMatch(l -> l.getOrDefault("uri", "").contains(asset));
        // the API port serves no metrics in this profile, as in production
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void shouldCarryTheRequestsTraceThroughTheOutboxToTheKafkaRecord() {
        spans.reset();
        EventTap.Event event = reported("lost", TestClock.now());
        String eventId = event.header("ce_id");
        SpanData relay =
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () ->
                                        finished().stream()
                                                .filter(
                                                        s ->
                                                                eventId.equals(
                                                                        s.getAttributes()
                                                                                .get(EVENT_ID)))
                                                .findFirst()
                                                .orElse(null),
                                s -> s != null);
        SpanData request =
                finished().stream()
                        .filter(s -> s.getKind() == SpanKind.SERVER)
                        .filter(s -> s.getName().equals("POST /api/v1/incidents"))
                        .filter(s -> s.getTraceId().equals(relay.getTraceId()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no request span in " + finished()));
        // request → relay → the connector's producer span, one trace
        assertThat(relay.getName()).isEqualTo("outbox relay asset.incident.reported");
        assertThat(relay.getParentSpanId()).isEqualTo(request.getSpanId());
        SpanData producer =
                await().atMost(Duration.ofSeconds(5))
                        .until(
                                () ->
                                        finished().stream()
                                                .filter(s -> s.getKind() == SpanKind.PRODUCER)
                                                .filter(
                                                        s ->
                                                                s.getParentSpanId()
                                                                        .equals(relay.getSpanId()))
                                                .findFirst()
                                                .orElse(null),
                                s -> s != null);
        assertThat(producer.getTraceId()).isEqualTo(request.getTraceId());
        // the record carries it: the producer span as traceparent, the relay span as the
        // CloudEvents distributed-tracing extension
        TraceParent header = TraceParent.parse(event.header("traceparent")).orElseThrow();
        assertThat(header.traceId()).isEqualTo(request.getTraceId());
        assertThat(header.spanId()).isEqualTo(producer.getSpanId());
        TraceParent extension = TraceParent.parse(event.header("ce_traceparent")).orElseThrow();
        assertThat(extension.traceId()).isEqualTo(request.getTraceId());
        assertThat(extension.spanId()).isEqualTo(relay.getSpanId());
    }

    /** A fresh laptop reported lost or stolen by an admin; its event as Kafka has it. */
    private static EventTap.Event reported(String kind, java.time.Instant occurredAt) {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        try (EventTap tap = new EventTap()) {
            asAdmin()
                    .body(
                            "{\"assetTag\":\""
                                    + tag
                                    + "\",\"kind\":\""
                                    + kind
                                    + "\",\"occurredAt\":\""
                                    + occurredAt
                                    + "\"}")
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);
            return tap.only(asset, "asset.incident.reported");
        }
    }

    private List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }
}
