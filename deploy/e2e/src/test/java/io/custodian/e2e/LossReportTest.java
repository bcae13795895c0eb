package io.custodian.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A loss report, end to end through the public API with a real token: asset-service → outbox →
 * Kafka → notification-worker → SMTP. Nothing mocked.
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

        // nothing more arrives later
        Custodian.sleep(1000);
        assertThat(alerts(CEO, tag)).hasSize(1);
        assertThat(alerts(CTO, tag)).hasSize(1);
    }

    @Test
    void shouldSendOneAlertWhenTheWorkerReceivesTheSameEventTwice() throws Exception {
        String tag = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        String assetId = createLaptop(tag);
        as("asset-admin", "it@example.com")
                .body(report(tag, "lost"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
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
        // a later report proves the worker got past the duplicate
        String marker = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        createLaptop(marker);
        as("asset-admin", "it@example.com")
                .body(report(marker, "lost"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
        awaitAlerts(CEO, marker, 1);
        awaitAlerts(CTO, marker, 1);

        assertThat(alerts(CEO, tag)).hasSize(1);
        assertThat(alerts(CTO, tag)).hasSize(1);
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

    private static List<MimeMessage> alerts(String to, String tag) {
        return custodian.mail.messagesTo(to).stream()
                .filter(
                        m -> {
                            try {
                                return m.getSubject() != null && m.getSubject().contains(tag);
                            } catch (jakarta.mail.MessagingException e) {
                                return false;
                            }
                        })
                .toList();
    }
}
