package io.custodian.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.Events.about;
import static io.custodian.notification.Events.inbox;
import static io.custodian.notification.ReceiversTestResource.CHAT_PATH;
import static io.custodian.notification.ReceiversTestResource.WEBHOOK_PATH;
import static io.custodian.notification.ReceiversTestResource.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.custodian.notification.InjectReceivers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incident route end to end through every channel: e-mail to GreenMail, the chat message and
 * the signed webhook to WireMock, the ledger in PostgreSQL, redelivery through Kafka.
 */
@QuarkusTest
class ChannelsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String OWNER = "platform@example.com";

    @InjectMailSink MailSink mail;
    @InjectReceivers WireMockServer receivers;
    @Inject ObjectMapper mapper;
    @Inject MeterRegistry registry;

    private Events events;

    @BeforeEach
    void setUp() {
        events = new Events(mapper);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void shouldMailLeadershipAndTheOwnerPostToChatAndCallTheSignedWebhookOnATheft()
            throws Exception {
        String eventId = UUID.randomUUID().toString();
        String tag = tag();
        IncidentReported incident = Events.stolenLaptop(tag, "R&D lab <3rd floor>");
        long before = Instant.now().getEpochSecond();

        events.sendIncident(eventId, incident);
        Events.awaitMails(mail, eventId, CEO, CTO, OWNER);
        await().atMost(TIMEOUT).until(() -> processedAt(eventId) != null);

        List<LoggedRequest> chats = chatsAbout(tag);
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).getHeader("Content-Type")).startsWith("application/json");
        JsonNode chat = mapper.readTree(chats.get(0).getBodyAsString());
        String subject = "[Custodian] STOLEN: " + tag + " MacBook Pro 14 (Ada)";
        assertThat(chat.path("text").asText()).isEqualTo(subject);
        assertThat(chat.path("blocks")).hasSize(2);
        JsonNode header = chat.path("blocks").get(0);
        assertThat(header.path("type").asText()).isEqualTo("header");
        assertThat(header.path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(header.path("text").path("text").asText()).isEqualTo(subject);
        JsonNode section = chat.path("blocks").get(1);
        assertThat(section.path("type").asText()).isEqualTo("section");
        assertThat(section.path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(section.path("text").path("text").asText())
                .contains("R&amp;D lab &lt;3rd floor&gt;")
                .doesNotContain("<3rd")
                .contains("BTP-2026-118273");

        List<LoggedRequest> hooks = webhooksAbout(eventId);
        assertThat(hooks).hasSize(1);
        LoggedRequest hook = hooks.get(0);
        assertThat(hook.getHeader("Content-Type")).startsWith("application/json");
        assertThat(hook.getHeader("Idempotency-Key")).isEqualTo(eventId);
        long timestamp = Long.parseLong(hook.getHeader("X-Custodian-Timestamp"));
        assertThat(timestamp).isBetween(before - 1, Instant.now().getEpochSecond());
        assertThat(hook.getHeader("X-Custodian-Signature"))
                .isEqualTo("v1=" + hmacSha256Hex(WEBHOOK_SECRET, timestamp + ".", hook.getBody()));
        JsonNode body = mapper.readTree(hook.getBody());
        assertThat(body.path("id").asText()).isEqualTo(eventId);
        assertThat(body.path("type").asText()).isEqualTo("asset.incident.reported");
        assertThat(body.path("source").asText()).isEqualTo("/custodian/asset-service");
        assertThat(body.path("subject").asText()).isEqualTo("assets/" + incident.asset().id());
        assertThat(Instant.parse(body.path("time").asText())).isBefore(Instant.now());
        assertThat(body.path("data").path("asset").path("assetTag").asText()).isEqualTo(tag);
        assertThat(body.path("data").path("incidentId").asText())
                .isEqualTo(incident.incidentId().toString());

        assertThat(deliveries(eventId))
                .extracting(d -> d.channel + ":" + d.recipient)
                .containsExactlyInAnyOrder(
                        "email:" + CEO,
                        "email:" + CTO,
                        "email:" + OWNER,
                        "chat:leadership",
                        "webhook:siem");
        // one attempt each, normally; a transient SMTP stall on a loaded machine may cost a retry
        assertThat(deliveries(eventId))
                .allSatisfy(
                        d -> {
                            assertThat(d.status).isEqualTo(Delivery.DELIVERED);
                            assertThat(d.attempts).isPositive();
                        });
        // and each recipient gets one message: a retry after an attempt that timed out but still
        // reached the server repeats it with the same Message-ID, which mail clients show once
        for (String recipient : List.of(CEO, CTO, OWNER)) {
            assertThat(
                            about(eventId, inbox(mail, recipient)).stream()
                                    .map(m -> Events.header(m, "Message-ID"))
                                    .distinct())
                    .as("Message-IDs of the mails to %s", recipient)
                    .singleElement()
                    .isNotNull();
        }
    }

    @Test
    void shouldSendNoSecondMailChatOrWebhookWhenTheEventIsRedelivered() {
        String eventId = UUID.randomUUID().toString();
        String tag = tag();
        IncidentReported incident = Events.stolenLaptop(tag, "Cafe");
        events.sendIncident(eventId, incident);
        await().atMost(TIMEOUT).until(() -> processedAt(eventId) != null);
        // what the first delivery took (a transient SMTP stall may already have cost a retry)
        List<Integer> attempts = deliveries(eventId).stream().map(d -> d.attempts).toList();

        events.sendIncident(eventId, incident);
        // same key, same partition: once the marker is processed, the copy has been handled
        String markerId = UUID.randomUUID().toString();
        events.sendIncident(markerId, withSameAsset(incident));
        await().atMost(TIMEOUT).until(() -> processedAt(markerId) != null);

        for (String recipient : List.of(CEO, CTO, OWNER)) {
            assertThat(about(eventId, inbox(mail, recipient))).hasSize(1);
        }
        assertThat(webhooksAbout(eventId)).hasSize(1);
        assertThat(chatsAbout(tag)).hasSize(2); // the event's and the marker's
        // the copy attempted nothing: every delivery still counts the first delivery's attempts
        assertThat(deliveries(eventId)).hasSize(5);
        assertThat(deliveries(eventId).stream().map(d -> d.attempts).toList()).isEqualTo(attempts);
    }

    @Test
    void shouldDeliverTheWebhookOnceWhenItAnswers500ThreeTimesThen200() {
        String eventId = UUID.randomUUID().toString();
        String state = Scenario.STARTED;
        for (int i = 1; i <= 3; i++) {
            receivers.stubFor(
                    post(urlPathEqualTo(WEBHOOK_PATH))
                            .atPriority(1)
                            .withRequestBody(matchingJsonPath("$.id", equalTo(eventId)))
                            .inScenario(eventId)
                            .whenScenarioStateIs(state)
                            .willReturn(aResponse().withStatus(500).withBody("busy"))
                            .willSetStateTo("failed " + i));
            state = "failed " + i;
        }
        receivers.stubFor(
                post(urlPathEqualTo(WEBHOOK_PATH))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.id", equalTo(eventId)))
                        .inScenario(eventId)
                        .whenScenarioStateIs(state)
                        .willReturn(aResponse().withStatus(200)));

        events.sendIncident(eventId, Events.stolenLaptop(tag(), "Lift lobby"));
        await().atMost(TIMEOUT).until(() -> processedAt(eventId) != null);

        List<LoggedRequest> hooks = webhooksAbout(eventId);
        assertThat(hooks).hasSize(4);
        assertThat(hooks).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(eventId);
        assertThat(hooks)
                .allSatisfy(
                        r ->
                                assertThat(r.getHeader("X-Custodian-Signature"))
                                        .isEqualTo(
                                                "v1="
                                                        + hmacSha256Hex(
                                                                WEBHOOK_SECRET,
                                                                r.getHeader("X-Custodian-Timestamp")
                                                                        + ".",
                                                                r.getBody())));
        Delivery webhook = delivery(eventId, "webhook", "siem");
        assertThat(webhook.status).isEqualTo(Delivery.DELIVERED);
        assertThat(webhook.attempts).isEqualTo(4);
        assertThat(webhook.messageId).isEqualTo(eventId);
        assertThat(about(eventId, inbox(mail, CEO))).hasSize(1);
    }

    @Test
    void shouldDeadLetterWhenTheWebhookFailsPastTheWindowAndResendOnlyItOnReplay() {
        Counter deadLettered =
                Events.deadLettered(registry, "asset.incident.reported", "window-exhausted");
        double before = deadLettered.count();
        String eventId = UUID.randomUUID().toString();
        String tag = tag();
        IncidentReported incident = Events.stolenLaptop(tag, "Hotel lobby");
        StubMapping down =
                receivers.stubFor(
                        post(urlPathEqualTo(WEBHOOK_PATH))
                                .atPriority(1)
                                .withRequestBody(matchingJsonPath("$.id", equalTo(eventId)))
                                .willReturn(aResponse().withStatus(503)));

        events.sendIncident(eventId, incident);
        // window is 3 s in the test profile
        Events.awaitDeadLetter(eventId, Duration.ofSeconds(20));

        await().atMost(TIMEOUT).until(() -> deadLettered.count() == before + 1);
        Delivery failed = delivery(eventId, "webhook", "siem");
        assertThat(failed.status).isEqualTo(Delivery.FAILED);
        assertThat(failed.error).contains("503");
        assertThat(failed.deliveredAt).isNull();
        int failedAttempts = failed.attempts;
        assertThat(failedAttempts).isGreaterThan(3);
        assertThat(deliveries(eventId))
                .filteredOn(d -> !d.channel.equals("webhook"))
                .hasSize(4)
                .allMatch(d -> d.status.equals(Delivery.DELIVERED));
        assertThat(processedAt(eventId)).isNull();

        // the receiver is back; the record is replayed from the dead-letter topic
        receivers.removeStub(down);
        events.sendIncident(eventId, incident);
        await().atMost(TIMEOUT).until(() -> processedAt(eventId) != null);

        Delivery webhook = delivery(eventId, "webhook", "siem");
        assertThat(webhook.status).isEqualTo(Delivery.DELIVERED);
        assertThat(webhook.error).isNull();
        assertThat(webhook.attempts).isEqualTo(failedAttempts + 1);
        assertThat(webhooksAbout(eventId)).hasSize(failedAttempts + 1);
        for (String recipient : List.of(CEO, CTO, OWNER)) {
            assertThat(about(eventId, inbox(mail, recipient))).hasSize(1);
        }
        assertThat(chatsAbout(tag)).hasSize(1);
        assertThat(deadLettered.count()).isEqualTo(before + 1);
    }

    private static IncidentReported withSameAsset(IncidentReported incident) {
        return new IncidentReported(
                UUID.randomUUID(),
                "stolen",
                incident.occurredAt(),
                incident.reportedAt(),
                incident.reportingDelaySeconds(),
                false,
                "marker",
                null,
                null,
                incident.reportedBy(),
                incident.asset(),
                incident.owner(),
                incident.holder());
    }

    private static String tag() {
        return "LT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<LoggedRequest> chatsAbout(String tag) {
        return receivers.findAll(
                postRequestedFor(urlPathEqualTo(CHAT_PATH)).withRequestBody(containing(tag)));
    }

    private List<LoggedRequest> webhooksAbout(String eventId) {
        return receivers.findAll(
                postRequestedFor(urlPathEqualTo(WEBHOOK_PATH))
                        .withRequestBody(matchingJsonPath("$.id", equalTo(eventId))));
    }

    /** The receiver's check, written out here rather than borrowed from the worker's code. */
    static String hmacSha256Hex(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant processedAt(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            ProcessedEvent processed = ProcessedEvent.findById(eventId);
                            return processed == null ? null : processed.processedAt;
                        });
    }

    static List<Delivery> deliveries(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.ofEvent(eventId));
    }

    static Delivery delivery(String eventId, String channel, String recipient) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.of(eventId, channel, recipient).orElseThrow());
    }
}
