package io.custodian.notification.events;

import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.Events.about;
import static io.custodian.notification.Events.inbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @InjectMailSink MailSink mail;
    @Inject ObjectMapper mapper;
    @Inject MeterRegistry registry;

    private Events events;

    @BeforeEach
    void setUp() {
        mail.reset();
        events = new Events(mapper);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void shouldAcknowledgeAnEventOfAnUnknownTypeAndMailNobody() {
        String owningTeam = "platform@example.com";
        double deadBefore = Events.deadLettered(registry, "asset.future.event");
        IncidentReported marker = Events.stolenLaptop("LT-3001", "Reception");
        String key = marker.asset().id().toString();
        events.send(UUID.randomUUID().toString(), "asset.future.event", key, "{\"any\":1}");
        // same key, same partition: the marker is consumed after the unknown event
        String markerId = UUID.randomUUID().toString();
        events.sendIncident(markerId, marker);

        await().atMost(TIMEOUT)
                .until(
                        () ->
                                !about(markerId, inbox(mail, CEO)).isEmpty()
                                        && !about(markerId, inbox(mail, CTO)).isEmpty()
                                        && !about(markerId, inbox(mail, owningTeam)).isEmpty());

        // the marker's three alerts (each target is sent to on its own) and nothing for the unknown
        assertThat(mail.all()).hasSize(3);
        assertThat(Events.deadLettered(registry, "asset.future.event")).isEqualTo(deadBefore);
    }

    @Test
    void shouldDeadLetterAnIncidentWhoseDataCannotBeRead() {
        Counter dead = Events.deadLettered(registry, EventTypes.INCIDENT_REPORTED, "permanent");
        double before = dead.count();

        events.send(
                UUID.randomUUID().toString(),
                EventTypes.INCIDENT_REPORTED,
                UUID.randomUUID().toString(),
                "{not json");

        await().atMost(TIMEOUT).until(() -> dead.count() == before + 1);
        assertThat(mail.all()).isEmpty();
    }

    @Test
    void shouldBeReadyWhenTheDatabaseAndKafkaAreUp() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems(
                                "Database connections health check",
                                "Kafka connection health check",
                                "SmallRye Reactive Messaging - readiness check"));
    }
}
