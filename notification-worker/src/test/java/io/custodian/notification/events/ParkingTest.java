package io.custodian.notification.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.Events.about;
import static io.custodian.notification.Events.inbox;
import static io.custodian.notification.ReceiversTestResource.WEBHOOK_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.custodian.api.event.EventTypes;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One bad event never stalls its partition, and the events of one key keep their order: a poison
 * event is dead-lettered at once and the next one of its key goes out in seconds; an event whose
 * webhook keeps answering 503 is parked (after {@code park-after}, 1 s in the test profile), the
 * alert of another key on the same partition is not held back by it, and the next event of its own
 * key waits behind it and goes out after it.
 */
@QuarkusTest
class ParkingTest {

    /** What "normal latency" means here: a few hundred ms at most on a loaded machine. */
    private static final Duration NORMAL = Duration.ofSeconds(2);

    @InjectMailSink MailSink mail;
    @InjectReceivers WireMockServer receivers;
    @Inject ObjectMapper mapper;
    @Inject MeterRegistry registry;

    private Events events;
    private StubMapping down;

    @BeforeEach
    void setUp() {
        events = new Events(mapper);
    }

    @AfterEach
    void tearDown() {
        events.close();
        if (down != null) {
            receivers.removeStub(down);
        }
    }

    @Test
    void shouldDeadLetterAnUnreadableEventAtOnceAndAlertTheNextOfItsKeyInSeconds() {
        assertPoisonDoesNotHoldBackItsKey("{not json");
    }

    @Test
    void shouldDeadLetterAnEventWhoseAlertCannotBeRenderedAtOnceAndAlertTheNextOfItsKey() {
        // well-formed JSON, but no kind: the alert's subject cannot be rendered
        assertPoisonDoesNotHoldBackItsKey(
                "{\"incidentId\":\"" + UUID.randomUUID() + "\",\"asset\":{\"assetTag\":\"LT-X\"}}");
    }

    @Test
    void shouldNotHoldBackOtherKeysWhileAWebhookAnswers503AndAlertTheSameKeyInOrder()
            throws Exception {
        IncidentReported first = Events.stolenLaptop(tag(), "Car park");
        String key = first.asset().id().toString();
        IncidentReported sameKey =
                Events.stolenLaptop(tag(), "MacBook Air", "Station", first.asset().id());
        IncidentReported otherKey =
                Events.stolenLaptop(
                        tag(), "ThinkPad", "Office", events.assetIdOnThePartitionOf(key));
        assertThat(events.partitionOf(otherKey.asset().id().toString()))
                .isEqualTo(events.partitionOf(key));
        String firstId = UUID.randomUUID().toString();
        String sameKeyId = UUID.randomUUID().toString();
        String otherKeyId = UUID.randomUUID().toString();
        down =
                receivers.stubFor(
                        post(urlPathEqualTo(WEBHOOK_PATH))
                                .atPriority(1)
                                .withRequestBody(matchingJsonPath("$.id", equalTo(firstId)))
                                .willReturn(aResponse().withStatus(503).withBody("maintenance")));

        events.sendIncident(firstId, first);
        events.sendIncident(sameKeyId, sameKey);
        long otherSent = System.nanoTime();
        events.sendIncident(otherKeyId, otherKey);

        // the other key's alert is not held back, though it came after the failing one
        Events.awaitMails(mail, otherKeyId, CEO, CTO);
        long otherLatency = since(otherSent);
        Instant otherAlerted = Instant.now();
        System.out.printf(
                "webhook 503 on another key of the partition: the next alert in the CEO's and"
                        + " CTO's inboxes %d ms after it was sent%n",
                otherLatency);
        assertThat(Duration.ofMillis(otherLatency)).isLessThan(NORMAL);
        // the failing event's own mails went out at once; it is parked, and its key's next event
        // waits behind it
        Events.awaitMails(mail, firstId, CEO, CTO);
        await().atMost(Duration.ofSeconds(5)).until(() -> parked(firstId) != null);
        // not even for the hold: it was alerted while the failing event was still being retried
        assertThat(otherAlerted).isBefore(parked(firstId));
        await().atMost(Duration.ofSeconds(5)).until(() -> parked(sameKeyId) != null);
        // parked: it is not delivered until the event ahead of it is settled
        assertThat(about(sameKeyId, inbox(mail, CEO))).isEmpty();
        assertThat(webhooks(sameKeyId)).isEmpty();

        // the receiver is back (well within the 3 s window): the parked event, then the next
        receivers.removeStub(down);
        down = null;
        long back = System.nanoTime();
        Events.awaitMails(mail, sameKeyId, CEO, CTO);
        System.out.printf(
                "webhook back: the parked event and the one behind it delivered %d ms later%n",
                since(back));
        await().atMost(Duration.ofSeconds(5)).until(() -> parked(sameKeyId) == null);
        assertThat(parked(firstId)).isNull();

        LoggedRequest accepted =
                webhooks(firstId).stream()
                        .max(Comparator.comparing(LoggedRequest::getLoggedDate))
                        .orElseThrow();
        List<LoggedRequest> next = webhooks(sameKeyId);
        assertThat(next).hasSize(1);
        assertThat(next.get(0).getLoggedDate()).isAfterOrEqualTo(accepted.getLoggedDate());
        assertThat(webhooks(firstId).size()).isGreaterThan(1);
        for (String to : List.of(CEO, CTO)) {
            assertThat(about(firstId, inbox(mail, to))).hasSize(1);
            assertThat(about(sameKeyId, inbox(mail, to))).hasSize(1);
            assertThat(about(otherKeyId, inbox(mail, to))).hasSize(1);
        }
    }

    private void assertPoisonDoesNotHoldBackItsKey(String data) {
        Counter permanent =
                Events.deadLettered(registry, EventTypes.INCIDENT_REPORTED, "permanent");
        double before = permanent.count();
        IncidentReported next = Events.stolenLaptop(tag(), "Reception");
        String key = next.asset().id().toString();
        String poisonId = UUID.randomUUID().toString();
        String nextId = UUID.randomUUID().toString();

        long sent = System.nanoTime();
        events.send(poisonId, EventTypes.INCIDENT_REPORTED, key, data);
        events.sendIncident(nextId, next);

        Events.awaitMails(mail, nextId, CEO, CTO);
        long latency = since(sent);
        System.out.printf(
                "poison event then one of the same key: the second in the CEO's and CTO's inboxes"
                        + " %d ms after the first was sent%n",
                latency);
        assertThat(Duration.ofMillis(latency)).isLessThan(NORMAL);
        await().atMost(NORMAL).until(() -> permanent.count() == before + 1);
        ConsumerRecord<String, String> dead =
                Events.awaitDeadLetter(poisonId, Duration.ofSeconds(20));
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(data);
        assertThat(Events.header(dead, "dead-letter-fault")).isEqualTo("permanent");
        assertThat(Events.header(dead, "dead-letter-reason")).contains(poisonId);
        assertThat(Events.header(dead, "ce_id")).isEqualTo(poisonId);
        assertThat(parked(poisonId)).isNull();
    }

    private List<LoggedRequest> webhooks(String eventId) {
        return receivers.findAll(
                postRequestedFor(urlPathEqualTo(WEBHOOK_PATH))
                        .withRequestBody(matchingJsonPath("$.id", equalTo(eventId))));
    }

    private static Instant parked(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            ParkedEvent parked = ParkedEvent.findById(eventId);
                            return parked == null ? null : parked.parkedAt;
                        });
    }

    private static long since(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String tag() {
        return "LT-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
