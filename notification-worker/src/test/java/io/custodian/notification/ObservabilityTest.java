package io.custodian.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.ReceiversTestResource.CHAT_PATH;
import static io.custodian.notification.ReceiversTestResource.WEBHOOK_PATH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.local.testing.Scrape;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of the worker's deliveries, as in production: the metrics on the management
 * port move with each target's outcome, labelled by event type and channel only.
 */
@QuarkusTest
@TestProfile(ObservabilityTest.ManagementPort.class)
class ObservabilityTest {

    static final int MANAGEMENT_PORT = Scrape.freePort();
    private static final String TYPE = EventTypes.INCIDENT_REPORTED;
    private static final String LATENCY = "custodian_notifications_delivery_latency_seconds";

    /** Health and metrics on a management port of their own, spans recorded in memory. */
    public static class ManagementPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Scrape.managementAndTracing(MANAGEMENT_PORT);
        }
    }

    @InjectMailSink MailSink mail;
    @InjectReceivers WireMockServer receivers;
    @Inject ObjectMapper mapper;
    @Inject InMemorySpanExporter spans;

    private static Events producer;
    private final List<com.github.tomakehurst.wiremock.stubbing.StubMapping> stubs =
            new ArrayList<>();

    /** One producer for the class, opened once Quarkus (and so the broker's address) is up. */
    private Events events() {
        if (producer == null) {
            producer = new Events(mapper);
        }
        return producer;
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(receivers::removeStub);
    }

    private static Scrape scrape() {
        return Scrape.of("http://127.0.0.1:" + MANAGEMENT_PORT + "/q/metrics");
    }

    private static double delivered(Scrape scrape, String channel) {
        return scrape.value(LATENCY + "_count", "type", TYPE, "channel", channel);
    }

    @Test
    void shouldMeasureEachDeliveryFromTheEventToItsAcceptance() {
        Scrape before = scrape();
        String eventId = UUID.randomUUID().toString();
        IncidentReported incident = Events.stolenLaptop(tag(), "Platform 9");

        events().sendIncident(eventId, incident);
        Events.awaitMails(mail, eventId, CEO, CTO, incident.owner().email());
        Events.awaitSettled(eventId);

        Scrape after = scrape();
        assertThat(after.contentType()).containsAnyOf("text/plain", "application/openmetrics-text");
        assertThat(delivered(after, "email") - delivered(before, "email")).isEqualTo(3);
        assertThat(delivered(after, "chat") - delivered(before, "chat")).isEqualTo(1);
        assertThat(delivered(after, "webhook") - delivered(before, "webhook")).isEqualTo(1);
        // Prometheus buckets: every delivery is within +Inf, the e-mails within 5 s here
        assertThat(after.value(LATENCY + "_bucket", "type", TYPE, "channel", "email", "le", "5.0"))
                .isGreaterThanOrEqualTo(3);
        assertThat(after.labelsOf(LATENCY + "_bucket"))
                .allMatch(l -> l.keySet().equals(java.util.Set.of("type", "channel", "le")));
        // the Kafka client's own consumer metrics, for the consumer-lag alert
        assertThat(after.labelsOf("kafka_consumer_fetch_manager_records_lag_max"))
                .as("the lag alert's series")
                .anyMatch(l -> l.getOrDefault("client_id", "").startsWith("kafka-consumer-events"));
        // the API port serves no metrics in this profile, as in production
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void shouldCountRetriesFailuresAndDeadLettersByTypeAndChannel() {
        Scrape before = scrape();
        String eventId = UUID.randomUUID().toString();
        String tag = tag();
        // the chat answers 503 once, then takes it; the webhook refuses it for good
        stub(
                post(urlPathEqualTo(CHAT_PATH))
                        .withRequestBody(containing(tag))
                        .inScenario(eventId)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("busy once"));
        stub(
                post(urlPathEqualTo(WEBHOOK_PATH))
                        .withRequestBody(matchingJsonPath("$.id", equalTo(eventId)))
                        .willReturn(aResponse().withStatus(404)));

        events().sendIncident(eventId, Events.stolenLaptop(tag, "Platform 9"));
        Events.awaitDeadLetter(eventId, java.time.Duration.ofSeconds(20));

        Scrape after = scrape();
        assertThat(
                        diff(
                                before,
                                after,
                                "custodian_notifications_delivery_retried_total",
                                "channel",
                                "chat"))
                .isEqualTo(1);
        assertThat(diff(before, after, LATENCY + "_count", "channel", "chat")).isEqualTo(1);
        assertThat(
                        diff(
                                before,
                                after,
                                "custodian_notifications_delivery_failed_total",
                                "channel",
                                "webhook",
                                "fault",
                                "permanent"))
                .isEqualTo(1);
        assertThat(
                        diff(
                                before,
                                after,
                                "custodian_notifications_delivery_dead_lettered_total",
                                "channel",
                                "webhook"))
                .isEqualTo(1);
        assertThat(
                        diff(
                                before,
                                after,
                                "custodian_notifications_dead_lettered_total",
                                "reason",
                                "permanent"))
                .isEqualTo(1);
        assertThat(diff(before, after, LATENCY + "_count", "channel", "email")).isEqualTo(3);
    }

    private static double diff(Scrape before, Scrape after, String name, String... labels) {
        String[] all = new String[labels.length + 2];
        all[0] = "type";
        all[1] = TYPE;
        System.arraycopy(labels, 0, all, 2, labels.length);
        return after.value(name, all) - before.value(name, all);
    }

    private static String tag() {
        return "LT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void stub(MappingBuilder mapping) {
        stubs.add(receivers.stubFor(mapping.atPriority(1)));
    }

    private static final AttributeKey<String> EVENT_ID =
            AttributeKey.stringKey("custodian.event.id");
    private static final AttributeKey<String> OUTCOME =
            AttributeKey.stringKey("custodian.delivery.outcome");
    private static final AttributeKey<String> MESSAGE_ID =
            AttributeKey.stringKey("custodian.delivery.message_id");

    @Test
    void shouldContinueTheEventsTraceWithOneSpanPerDeliveryAndShowARedeliverySkipped() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String traceParent = "00-" + traceId + "-" + producerSpan + "-01";
        String eventId = UUID.randomUUID().toString();
        IncidentReported incident = Events.stolenLaptop(tag(), "Platform 9");
        String owner = incident.owner().email();

        events().sendIncident(eventId, incident, traceParent);
        Events.awaitMails(mail, eventId, CEO, CTO, owner);
        Events.awaitSettled(eventId);

        List<SpanData> deliveries = awaitDeliverySpans(eventId, "delivered", 5);
        SpanData consumer =
                spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.CONSUMER)
                        .filter(s -> s.getTraceId().equals(traceId))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no consumer span"));
        // the consumer continues the producer's trace; each delivery is a child of the consumer
        // (or, for a target that failed at first and was delivered in a parked event's later
        // round, of the record's producer span: the trace is the same)
        assertThat(consumer.getParentSpanId()).isEqualTo(producerSpan);
        assertThat(deliveries)
                .allMatch(s -> s.getTraceId().equals(traceId))
                .allMatch(
                        s ->
                                s.getParentSpanId().equals(consumer.getSpanId())
                                        || s.getParentSpanId().equals(producerSpan))
                .anyMatch(s -> s.getParentSpanId().equals(consumer.getSpanId()))
                .extracting(SpanData::getName)
                .containsExactlyInAnyOrder(
                        "deliver email",
                        "deliver email",
                        "deliver email",
                        "deliver chat",
                        "deliver webhook");
        // the SMTP span names the Message-ID the CEO's mail has; no span holds an address
        String ceoMessageId =
                Events.header(Events.about(eventId, Events.inbox(mail, CEO)).get(0), "Message-ID");
        assertThat(deliveries)
                .filteredOn(s -> s.getName().equals("deliver email"))
                .extracting(s -> s.getAttributes().get(MESSAGE_ID))
                .contains(ceoMessageId);
        assertThat(deliveries)
                .allMatch(s -> !s.getAttributes().toString().contains(CEO))
                .allMatch(s -> !s.getAttributes().toString().contains(owner));

        // the same event again (a redelivery): a new consumer span in the same trace, and every
        // delivery skipped, nothing sent. A target that failed at first was retried in a parked
        // round that skipped the others: those skipped spans were there before the redelivery.
        int skippedBefore = deliverySpans(eventId, "skipped").size();
        events().sendIncident(eventId, incident, traceParent);
        List<SpanData> skipped = awaitDeliverySpans(eventId, "skipped", skippedBefore + 5);
        assertThat(skipped).allMatch(s -> s.getTraceId().equals(traceId));
        assertThat(
                        spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getKind() == SpanKind.CONSUMER)
                                .filter(s -> s.getTraceId().equals(traceId))
                                .count())
                .isEqualTo(2);
        assertThat(deliverySpans(eventId, "delivered")).hasSize(5);
        assertThat(Events.about(eventId, Events.inbox(mail, CEO))).hasSize(1);
    }

    private List<SpanData> deliverySpans(String eventId, String outcome) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> eventId.equals(s.getAttributes().get(EVENT_ID)))
                .filter(s -> outcome.equals(s.getAttributes().get(OUTCOME)))
                .toList();
    }

    private List<SpanData> awaitDeliverySpans(String eventId, String outcome, int count) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> deliverySpans(eventId, outcome), list -> list.size() == count);
    }
}
