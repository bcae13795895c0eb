package io.custodian.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.e2e.OtlpReceiver.Span;
import io.custodian.local.testing.Scrape;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A loss report, end to end through the public API with a real token: asset-service → outbox →
 * Kafka → notification-worker → SMTP. Nothing mocked. And as an operator follows it: one trace from
 * the HTTP request through the outbox relay and the Kafka consumer to each delivery (exported over
 * OTLP to a receiver the harness runs), and the metrics of both management ports.
 */
class LossReportTest {

    private static final String CEO = "ceo@example.com";
    private static final String CTO = "cto@example.com";

    @RegisterExtension
    static final org.junit.jupiter.api.extension.BeforeAllCallback SYSTEM =
            context -> custodian = Custodian.get(context);

    private static Custodian custodian;

    @BeforeEach
    void brokerUp() {
        if (!custodian.kafka.isRunning()) {
            custodian.kafka.start();
        }
    }

    @Test
    void shouldAlertTheCeoAndTheCtoExactlyOnceAndPublishExactlyOneCloudEvent() throws Exception {
        String tag = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        String assetId = createLaptop(tag);

        Instant reported = Instant.now();
        String incidentId =
                as("employee", ownerEmail(tag))
                        .body(report(tag, "stolen"))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        List<MimeMessage> ceo = awaitAlerts(CEO, tag, 1);
        List<MimeMessage> cto = awaitAlerts(CTO, tag, 1);
        System.out.printf(
                "loss report accepted -> both leadership e-mails in the SMTP inbox: %d ms%n",
                Duration.between(reported, Instant.now()).toMillis());
        assertThat(ceo.get(0).getSubject()).contains("STOLEN").contains(tag);
        assertThat(cto.get(0).getSubject()).contains("STOLEN").contains(tag);

        try (KafkaConsumer<String, String> consumer = Events.consumer(custodian)) {
            List<ConsumerRecord<String, String>> events = Events.keyed(consumer, assetId);
            assertThat(events).hasSize(1);
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(Events.header(event, "ce_type")).isEqualTo("asset.incident.reported");
            assertThat(Events.header(event, "ce_source")).isEqualTo("/custodian/asset-service");
            assertThat(Events.header(event, "ce_subject")).isEqualTo("assets/" + assetId);
            assertThat(Events.header(event, "ce_id")).isNotBlank();
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(data.get("incidentId").asText()).isEqualTo(incidentId);
            // the alert carries the event's id: its Message-ID is derived from it
            assertThat(ceo.get(0).getMessageID())
                    .startsWith("<" + Events.header(event, "ce_id") + ".");
            assertThat(cto.get(0).getMessageID())
                    .startsWith("<" + Events.header(event, "ce_id") + ".");
        }

        // nothing more arrives later: the asset's next event is consumed after anything else
        recover(incidentId);
        awaitRecovered(tag);
        assertOneAlertEach(tag, "STOLEN");
    }

    @Test
    void shouldSendOneAlertWhenTheWorkerReceivesTheSameEventTwice() throws Exception {
        String tag = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        String assetId = createLaptop(tag);
        String incidentId =
                as("asset-admin", "it@example.com")
                        .body(report(tag, "lost"))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        awaitAlerts(CEO, tag, 1);

        try (KafkaConsumer<String, String> consumer = Events.consumer(custodian);
                KafkaProducer<String, String> producer = Events.producer(custodian)) {
            ConsumerRecord<String, String> original = Events.keyed(consumer, assetId).get(0);
            // redeliver it, as a broker would after a consumer crash
            producer.send(
                            new ProducerRecord<>(
                                    original.topic(),
                                    null,
                                    original.key(),
                                    original.value(),
                                    original.headers()))
                    .get();
        }
        // the next event of the same asset (same key, so same partition, consumed after the
        // duplicate): once its alert is in, the worker is past the duplicate
        recover(incidentId);
        awaitRecovered(tag);

        assertOneAlertEach(tag, "LOST");
    }

    @Test
    void shouldOpenOneIncidentAndAlertOnceWhenTwoPeopleReportOneAssetAtOnce() throws Exception {
        String tag = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        String assetId = createLaptop(tag);

        // the holder and IT press "report" at the same moment
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Response>> calls = new ArrayList<>();
        for (RequestSpecification reporter :
                List.of(as("employee", ownerEmail(tag)), as("asset-admin", "it@example.com"))) {
            calls.add(
                    threads.submit(
                            () -> {
                                start.await(10, TimeUnit.SECONDS);
                                return reporter.body(report(tag, "stolen"))
                                        .post("/api/v1/incidents");
                            }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> call : calls) {
            answers.add(call.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        Response opened = answers.get(statuses.indexOf(201));
        Response told = answers.get(statuses.indexOf(409));
        String incidentId = opened.jsonPath().getString("id");
        assertThat(told.contentType()).startsWith("application/problem+json");
        assertThat(told.jsonPath().getString("detail")).contains("/api/v1/incidents/" + incidentId);
        assertThat(told.jsonPath().getString("errors[0].field")).isEqualTo("assetTag");

        // the asset's next event (same key, consumed after anything the race could have sent)
        recover(incidentId);
        awaitRecovered(tag);
        assertOneAlertEach(tag, "STOLEN");
        try (KafkaConsumer<String, String> consumer = Events.consumer(custodian)) {
            assertThat(Events.keyed(consumer, assetId))
                    .extracting(event -> Events.header(event, "ce_type"))
                    .containsExactly("asset.incident.reported", "asset.incident.closed");
        }
    }

    @Test
    void shouldAcceptAReportWhileKafkaIsDownAndAlertWhenItIsBack() {
        String tag = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        createLaptop(tag);
        custodian.kafka.stop();

        as("employee", ownerEmail(tag))
                .body(report(tag, "stolen"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
        Custodian.sleep(3000);
        assertThat(alerts(CEO, tag)).isEmpty();

        custodian.kafka.start();

        awaitAlerts(CEO, tag, 1);
        awaitAlerts(CTO, tag, 1);
    }

    // --- helpers -----------------------------------------------------------------------------

    private static RequestSpecification as(String role, String email) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token(role, email))
                .contentType(ContentType.JSON);
    }

    /** The employee who owns the laptop {@link #createLaptop} registers. */
    private static String ownerEmail(String tag) {
        return tag.toLowerCase() + "@example.com";
    }

    /** A laptop owned personally by a fresh employee ({@link #ownerEmail}), who can report it. */
    private static String createLaptop(String tag) {
        String person =
                given().baseUri(custodian.assetService)
                        .auth()
                        .oauth2(custodian.token("asset-admin", "it@example.com"))
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "employeeId", "E-" + tag,
                                        "email", ownerEmail(tag),
                                        "displayName", "Owner of " + tag))
                        .post("/api/v1/people")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id");
        return as("asset-admin", "it@example.com")
                .body(
                        Map.of(
                                "assetTag", tag,
                                "name", "MacBook Pro 14",
                                "category", "laptop",
                                "classification", "confidential",
                                "owner", Map.of("type", "person", "id", person)))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> report(String tag, String kind) {
        return Map.of(
                "assetTag",
                tag,
                "kind",
                kind,
                "occurredAt",
                Instant.now().minusSeconds(600).toString(),
                "location",
                "Cafe on Main St",
                "circumstances",
                "Bag taken from under the table");
    }

    private static List<MimeMessage> awaitAlerts(String to, String tag, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> alerts(to, tag), list -> list.size() >= count);
    }

    /**
     * The CEO and the CTO each have exactly one alert of this kind (LOST, STOLEN) about the tag.
     */
    private static void assertOneAlertEach(String tag, String kind) {
        for (String leader : List.of(CEO, CTO)) {
            assertThat(alerts(leader, tag))
                    .extracting(LossReportTest::subject)
                    .filteredOn(subject -> subject.startsWith("[Custodian] " + kind))
                    .as("%s alerts about %s to %s", kind, tag, leader)
                    .hasSize(1);
        }
    }

    /** IT closes the incident as recovered: the asset's next event, with its own alert. */
    private static void recover(String incidentId) {
        String etag =
                as("asset-admin", "it@example.com")
                        .get("/api/v1/incidents/" + incidentId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        as("asset-admin", "it@example.com")
                .header("If-Match", etag)
                .body(Map.of("outcome", "recovered", "note", "Found at the lost property office."))
                .post("/api/v1/incidents/" + incidentId + "/closure")
                .then()
                .statusCode(200);
    }

    /** Waits for the RECOVERED alert of this asset in the CEO's and the CTO's inboxes. */
    private static void awaitRecovered(String tag) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> recovered(CEO, tag) && recovered(CTO, tag));
    }

    private static boolean recovered(String to, String tag) {
        return alerts(to, tag).stream()
                .anyMatch(m -> subject(m).startsWith("[Custodian] RECOVERED"));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static List<MimeMessage> alerts(String to, String tag) {
        return custodian.mail.messagesTo(to).stream()
                .filter(m -> subject(m).contains(tag))
                .toList();
    }

    @Test
    void shouldShowOneTraceFromTheReportToEachDeliveryAndMoveBothServicesMetrics() {
        LossReports reports = new LossReports(custodian);
        String tag = LossReports.newTag();
        reports.createLaptop(tag);
        Scrape assetsBefore = Scrape.of(custodian.assetManagement + "/q/metrics");
        Scrape workerBefore = Scrape.of(custodian.workerManagement + "/q/metrics");

        reports.reportStolen(tag);
        MimeMessage ceo =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> reports.alerts(LossReports.CEO, tag),
                                mails -> mails.size() == 1)
                        .get(0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reports.alerts(LossReports.CTO, tag).size() == 1);

        // the event the CEO was alerted about, and its relay span in asset-service
        String eventId = header(ceo, "X-Custodian-Event-Id");
        Span relay =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        custodian.traces.spans().stream()
                                                .filter(
                                                        s ->
                                                                eventId.equals(
                                                                        s.attributes()
                                                                                .get(
                                                                                        "custodian.event.id")))
                                                .filter(s -> s.name().startsWith("outbox relay"))
                                                .findFirst(),
                                Optional::isPresent)
                        .orElseThrow();
        List<Span> deliveries =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        custodian.traces.trace(relay.traceId()).stream()
                                                .filter(s -> s.name().startsWith("deliver "))
                                                .toList(),
                                spans -> spans.size() >= 5);
        List<Span> trace = custodian.traces.trace(relay.traceId());
        // the request's span, asset-service's: where the trace starts
        Span request = only(trace, "POST /api/v1/incidents");
        assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(relay.name()).isEqualTo("outbox relay asset.incident.reported");
        Span producer = child(trace, relay, "PRODUCER");
        Span consumer = child(trace, producer, "CONSUMER");
        assertThat(relay.service()).isEqualTo("asset-service");
        assertThat(relay.parent()).isEqualTo(request.spanId());
        assertThat(consumer.service()).isEqualTo("notification-worker");
        assertThat(deliveries)
                .allMatch(d -> d.parent().equals(consumer.spanId()))
                .allMatch(d -> d.service().equals("notification-worker"))
                .allMatch(d -> "delivered".equals(d.attributes().get("custodian.delivery.outcome")))
                .extracting(Span::name)
                .contains("deliver email", "deliver chat", "deliver webhook");
        assertThat(deliveries)
                .filteredOn(d -> d.name().equals("deliver email"))
                .extracting(d -> d.attributes().get("custodian.delivery.message_id"))
                .contains(LossReports.messageId(ceo));
        // no address, no alert text in any span of the trace
        assertThat(trace)
                .allMatch(s -> !s.attributes().toString().contains(LossReports.CEO))
                .allMatch(s -> !s.attributes().toString().contains("Bag taken"));

        // both management ports: the report counted, published, delivered by channel
        Scrape assets = Scrape.of(custodian.assetManagement + "/q/metrics");
        Scrape worker = Scrape.of(custodian.workerManagement + "/q/metrics");
        String[] stolen = {"kind", "stolen", "late", "false"};
        assertThat(
                        assets.value("custodian_incidents_reported_total", stolen)
                                - assetsBefore.value("custodian_incidents_reported_total", stolen))
                .isEqualTo(1);
        assertThat(assets.value("custodian_outbox_published_total"))
                .isGreaterThan(assetsBefore.value("custodian_outbox_published_total"));
        String latency = "custodian_notifications_delivery_latency_seconds_count";
        String[] email = {"type", "asset.incident.reported", "channel", "email"};
        assertThat(worker.value(latency, email) - workerBefore.value(latency, email))
                .isGreaterThanOrEqualTo(2);
        System.out.printf(
                "trace %s: %d spans; report -> CEO's mail accepted, p50 by the worker's"
                        + " histogram: see custodian_notifications_delivery_latency_seconds%n",
                request.traceId(), trace.size());
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Span only(List<Span> trace, String name) {
        List<Span> named = trace.stream().filter(s -> s.name().equals(name)).toList();
        assertThat(named).as(name + " in " + trace).hasSize(1);
        return named.get(0);
    }

    private static Span child(List<Span> trace, Span parent, String kind) {
        return trace.stream()
                .filter(s -> s.parent().equals(parent.spanId()))
                .filter(s -> s.kind().equals("SPAN_KIND_" + kind))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no " + kind + " span under " + parent + " in " + trace));
    }
}
