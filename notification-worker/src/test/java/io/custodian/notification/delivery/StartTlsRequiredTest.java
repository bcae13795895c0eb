package io.custodian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With STARTTLS required (production's default), an SMTP server that does not offer it gets no
 * alert: the worker does not fall back to a plain connection a man in the middle could read.
 */
@QuarkusTest
@TestProfile(StartTlsRequiredTest.Required.class)
class StartTlsRequiredTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.start-tls", "REQUIRED");
        }
    }

    @Inject ObjectMapper mapper;
    @InjectMailSink MailSink mail;

    @Test
    void shouldSendNoMailOverAConnectionThatRefusesStartTls() {
        String eventId = UUID.randomUUID().toString();
        try (Events events = new Events(mapper)) {
            events.sendIncident(eventId, Events.stolenLaptop("LT-TLS-1", "Platform 2"));
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                ChannelsTest.deliveries(eventId).stream()
                                        .anyMatch(
                                                d ->
                                                        d.recipient.equals(Events.CEO)
                                                                && Delivery.FAILED.equals(
                                                                        d.status)));
        Delivery ceo = ChannelsTest.delivery(eventId, "email", Events.CEO);
        assertThat(Optional.ofNullable(ceo.error).orElse("")).containsIgnoringCase("STARTTLS");
        assertThat(ceo.deliveredAt).isNull();
        assertThat(Events.about(eventId, Events.inbox(mail, Events.CEO))).isEmpty();
        // the other channels are not SMTP and still delivered
        assertThat(ChannelsTest.delivery(eventId, "webhook", "siem").status)
                .isEqualTo(Delivery.DELIVERED);
    }
}
