package io.custodian.notification.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.Delivered;
import io.custodian.api.event.EventTypes;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What was delivered is published as {@code notification.delivered} on {@code
 * custodian.deliveries}: one CloudEvent per target that accepted the alert, with the Message-ID the
 * recipient's mail carries, the recipient's name and when it was accepted.
 */
@QuarkusTest
class DeliveryOutcomesTest {

    @InjectMailSink MailSink mail;
    @Inject ObjectMapper mapper;

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
    void shouldPublishEachDeliveryWithTheMessageIdTheRecipientGot() throws Exception {
        String eventId = UUID.randomUUID().toString();
        events.sendIncident(eventId, Events.stolenLaptop("LT-" + eventId.substring(0, 8), "Train"));
        Events.awaitMails(mail, eventId, Events.CEO, Events.CTO);
        MimeMessage ceoMail = Events.about(eventId, Events.inbox(mail, Events.CEO)).get(0);

        List<ConsumerRecord<String, String>> records =
                Events.awaitRecords(
                        EventTypes.DELIVERIES_TOPIC,
                        r -> eventId.equals(r.key()) && r.value().contains("\"channel\":\"email\""),
                        2,
                        Duration.ofSeconds(20));
        Map<String, Delivered> byRecipient =
                records.stream()
                        .map(r -> read(r.value()))
                        .filter(d -> "email".equals(d.channel()))
                        .collect(
                                Collectors.toMap(
                                        Delivered::recipient, Function.identity(), (a, b) -> a));
        assertThat(byRecipient).containsKeys(Events.CEO, Events.CTO);
        Delivered ceo = byRecipient.get(Events.CEO);
        assertThat(ceo.eventId()).isEqualTo(eventId);
        assertThat(ceo.eventType()).isEqualTo(EventTypes.INCIDENT_REPORTED);
        assertThat(ceo.recipientName()).isEqualTo("ceo");
        assertThat(ceo.messageId()).isEqualTo(Events.header(ceoMail, "Message-ID"));
        assertThat(ceo.attempts()).isPositive();
        assertThat(ceo.deliveredAt()).isNotNull();

        ConsumerRecord<String, String> record =
                records.stream().filter(r -> r.value().contains(Events.CEO)).findFirst().get();
        assertThat(Events.header(record, "ce_type")).isEqualTo("notification.delivered");
        assertThat(Events.header(record, "ce_source")).isEqualTo("/custodian/notification-worker");
        assertThat(Events.header(record, "ce_id")).isNotBlank();
    }

    private Delivered read(String json) {
        try {
            return mapper.readValue(json, Delivered.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
