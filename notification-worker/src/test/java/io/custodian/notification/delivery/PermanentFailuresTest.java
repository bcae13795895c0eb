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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.custodian.notification.InjectReceivers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A target that refuses an alert for good (a webhook's 404, a chat's 401) is recorded failed after
 * one attempt and the event dead-lettered at once, within a fraction of the retry window (3 s in
 * the test profile); the other targets are delivered all the same.
 */
@QuarkusTest
class PermanentFailuresTest {

    private static final String OWNER = "platform@example.com";
    private static final Duration AT_ONCE = Duration.ofMillis(2500);

    @InjectMailSink MailSink mail;
    @InjectReceivers WireMockServer receivers;
    @Inject ObjectMapper mapper;
    @Inject MeterRegistry registry;

    private Events events;
    private StubMapping refusal;

    @BeforeEach
    void setUp() {
        events = new Events(mapper);
    }

    @AfterEach
    void tearDown() {
        events.close();
        if (refusal != null) {
            receivers.removeStub(refusal);
        }
    }

    @Test
    void shouldGiveUpOnAWebhookThatAnswers404AtOnceAndStillMailLeadership() {
        Counter permanent = Events.deadLettered(registry, "asset.incident.reported", "permanent");
        double before = permanent.count();
        String eventId = UUID.randomUUID().toString();
        String tag = tag();
        refusal =
                receivers.stubFor(
                        post(urlPathEqualTo(WEBHOOK_PATH))
                                .atPriority(1)
                                .withRequestBody(matchingJsonPath("$.id", equalTo(eventId)))
                                .willReturn(aResponse().withStatus(404).withBody("no such hook")));

        long sent = System.nanoTime();
        events.sendIncident(eventId, Events.stolenLaptop(tag, "Platform 9"));
        await().atMost(AT_ONCE)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> permanent.count() == before + 1);
        long deadLetteredAfter = (System.nanoTime() - sent) / 1_000_000;
        System.out.printf(
                "webhook 404: dead-lettered %d ms after the event was sent%n", deadLetteredAfter);

        Events.awaitMails(mail, eventId, CEO, CTO, OWNER);
        Delivery webhook = ChannelsTest.delivery(eventId, "webhook", "siem");
        assertThat(webhook.status).isEqualTo(Delivery.FAILED);
        assertThat(webhook.attempts).isEqualTo(1);
        assertThat(webhook.error)
                .contains("permanent")
                .contains("HTTP 404")
                .contains("no such hook");
        assertThat(webhook.deliveredAt).isNull();
        assertThat(ChannelsTest.deliveries(eventId))
                .filteredOn(d -> !d.channel.equals("webhook"))
                .extracting(d -> d.channel + ":" + d.recipient + ":" + d.status)
                .containsExactlyInAnyOrder(
                        "email:" + CEO + ":delivered",
                        "email:" + CTO + ":delivered",
                        "email:" + OWNER + ":delivered",
                        "chat:leadership:delivered");

        ConsumerRecord<String, String> dead =
                Events.awaitDeadLetter(eventId, Duration.ofSeconds(20));
        assertThat(Events.header(dead, "dead-letter-fault")).isEqualTo("permanent");
        assertThat(Events.header(dead, "dead-letter-reason"))
                .contains("webhook:siem")
                .contains("404");
        assertThat(Events.header(dead, "ce_type")).isEqualTo("asset.incident.reported");
        assertThat(dead.value()).contains(tag);
        // not retried later either
        assertThat(webhooks(eventId)).hasSize(1);
        assertThat(ChannelsTest.processedAt(eventId)).isNull();
    }

    @Test
    void shouldGiveUpOnAChatThatAnswers401AtOnceAndStillCallTheWebhookAndMail() {
        Counter permanent = Events.deadLettered(registry, "asset.incident.reported", "permanent");
        double before = permanent.count();
        String eventId = UUID.randomUUID().toString();
        String tag = tag();
        refusal =
                receivers.stubFor(
                        post(urlPathEqualTo(CHAT_PATH))
                                .atPriority(1)
                                .withRequestBody(containing(tag))
                                .willReturn(aResponse().withStatus(401).withBody("invalid_token")));

        events.sendIncident(eventId, Events.stolenLaptop(tag, "Platform 9"));
        await().atMost(AT_ONCE)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> permanent.count() == before + 1);

        Events.awaitMails(mail, eventId, CEO, CTO, OWNER);
        Delivery chat = ChannelsTest.delivery(eventId, "chat", "leadership");
        assertThat(chat.status).isEqualTo(Delivery.FAILED);
        assertThat(chat.attempts).isEqualTo(1);
        assertThat(chat.error).contains("permanent").contains("HTTP 401");
        assertThat(ChannelsTest.delivery(eventId, "webhook", "siem").status)
                .isEqualTo(Delivery.DELIVERED);
        for (String to : List.of(CEO, CTO, OWNER)) {
            assertThat(about(eventId, inbox(mail, to))).hasSize(1);
        }
        assertThat(
                        receivers.findAll(
                                postRequestedFor(urlPathEqualTo(CHAT_PATH))
                                        .withRequestBody(containing(tag))))
                .hasSize(1);
    }

    private List<?> webhooks(String eventId) {
        return receivers.findAll(
                postRequestedFor(urlPathEqualTo(WEBHOOK_PATH))
                        .withRequestBody(matchingJsonPath("$.id", equalTo(eventId))));
    }

    private static String tag() {
        return "LT-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
