package io.custodian.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.Events.about;
import static io.custodian.notification.Events.inbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.custodian.notification.InjectReceivers;
import io.custodian.notification.ReceiversTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertDispatcherTest {

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
        if (!mail.greenMail().isRunning()) {
            mail.greenMail().start();
        }
    }

    @Test
    void shouldRecordOneDeliveryPerRecipientAndTheProcessedEvent() {
        String eventId = UUID.randomUUID().toString();
        events.sendIncident(eventId, Events.stolenLaptop("LT-2001", "Platform 4"));

        await().atMost(TIMEOUT).until(() -> ChannelsTest.processedAt(eventId) != null);

        List<Delivery> deliveries = deliveries(eventId);
        assertThat(deliveries)
                .extracting(d -> d.recipient)
                .containsExactlyInAnyOrder(CEO, CTO, OWNER);
        assertThat(deliveries)
                .allSatisfy(
                        d -> {
                            assertThat(d.status).isEqualTo(Delivery.DELIVERED);
                            assertThat(d.channel).isEqualTo("email");
                            assertThat(d.messageId).startsWith("<" + eventId + ".");
                            assertThat(d.deliveredAt).isNotNull();
                            assertThat(d.error).isNull();
                        });
        ProcessedEvent processed = processed(eventId);
        assertThat(processed.type).isEqualTo("asset.incident.reported");
        assertThat(processed.subject).startsWith("assets/");
        assertThat(processed.processedAt).isAfterOrEqualTo(processed.receivedAt);
    }

    @Test
    void shouldKeepRetryingWhileTheSmtpServerIsDownAndMailOnceItIsBack() throws Exception {
        mail.greenMail().stop();
        String eventId = UUID.randomUUID().toString();
        events.sendIncident(eventId, Events.stolenLaptop("LT-2002", "Car park B"));

        // the worker notes the event before its first attempt; then a few attempts fail (first
        // retry after 100 ms, then 200, 400)
        await().atMost(TIMEOUT).until(() -> processed(eventId) != null);
        await().during(Duration.ofMillis(800))
                .atMost(TIMEOUT)
                .until(() -> ChannelsTest.processedAt(eventId) == null);
        mail.greenMail().start();

        await().atMost(TIMEOUT)
                .until(
                        () ->
                                about(eventId, inbox(mail, CEO)).size() == 1
                                        && about(eventId, inbox(mail, CTO)).size() == 1);
        await().atMost(TIMEOUT).until(() -> ChannelsTest.processedAt(eventId) != null);
        for (String recipient : List.of(CEO, CTO, OWNER)) {
            assertThat(about(eventId, inbox(mail, recipient))).hasSize(1);
        }
        assertThat(deliveries(eventId))
                .extracting(d -> d.status)
                .containsOnly(Delivery.DELIVERED)
                .hasSize(3);
        assertThat(deliveries(eventId)).allMatch(d -> d.attempts > 1);
        // chat and webhook went out at once, each once, while the mail waited for the SMTP server
        assertThat(ChannelsTest.deliveries(eventId))
                .filteredOn(d -> !d.channel.equals(EmailChannel.NAME))
                .hasSize(2)
                .allSatisfy(
                        d -> {
                            assertThat(d.status).isEqualTo(Delivery.DELIVERED);
                            assertThat(d.attempts).isEqualTo(1);
                        });
        assertThat(
                        receivers.findAll(
                                postRequestedFor(urlPathEqualTo(ReceiversTestResource.WEBHOOK_PATH))
                                        .withRequestBody(
                                                matchingJsonPath("$.id", equalTo(eventId)))))
                .hasSize(1);
        assertThat(
                        receivers.findAll(
                                postRequestedFor(urlPathEqualTo(ReceiversTestResource.CHAT_PATH))
                                        .withRequestBody(containing("LT-2002"))))
                .hasSize(1);
    }

    @Test
    void shouldDeadLetterTheEventWhenTheSmtpServerStaysDownForTheWholeWindow() {
        Counter deadLettered =
                Events.deadLettered(registry, "asset.incident.reported", "window-exhausted");
        double before = deadLettered.count();
        mail.greenMail().stop();
        String eventId = UUID.randomUUID().toString();
        IncidentReported incident = Events.stolenLaptop("LT-2003", "Gym locker");
        events.sendIncident(eventId, incident);

        // window is 3 s in the test profile
        ConsumerRecord<String, String> dead =
                Events.awaitDeadLetter(eventId, Duration.ofSeconds(20));

        assertThat(dead.key()).isEqualTo(incident.asset().id().toString());
        assertThat(Events.header(dead, "dead-letter-fault")).isEqualTo("window-exhausted");
        assertThat(dead.value()).contains("LT-2003");
        assertThat(deadLettered.count()).isEqualTo(before + 1);
        assertThat(deliveries(eventId))
                .hasSize(3)
                .allSatisfy(
                        d -> {
                            assertThat(d.status).isEqualTo(Delivery.FAILED);
                            assertThat(d.error).isNotBlank();
                            assertThat(d.deliveredAt).isNull();
                        });
        assertThat(processed(eventId).processedAt).isNull();
    }

    private static ProcessedEvent processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(eventId));
    }

    private static List<Delivery> deliveries(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.ofEvent(eventId, EmailChannel.NAME));
    }
}
