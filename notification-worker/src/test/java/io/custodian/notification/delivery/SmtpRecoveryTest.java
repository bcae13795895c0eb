package io.custodian.notification.delivery;

import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.Events.about;
import static io.custodian.notification.Events.inbox;
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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With production's backoff (0.5 s doubling up to 30 s), an SMTP server that comes back after an
 * outage of several seconds gets the held alerts at once: the worker probes the server while it is
 * down and retries what waits as soon as it answers, instead of leaving each alert to wait out its
 * backoff (here the next attempt would be about 8 s after the server is back).
 */
@QuarkusTest
@TestProfile(SmtpRecoveryTest.ProductionBackoff.class)
class SmtpRecoveryTest {

    public static class ProductionBackoff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.delivery.retry.initial-delay", "500ms",
                    "custodian.delivery.retry.max-delay", "30s",
                    "custodian.delivery.retry.jitter", "10ms",
                    "custodian.delivery.retry.window", "2m",
                    "custodian.delivery.retry.attempt-timeout", "2s",
                    "custodian.delivery.park-after", "5s",
                    "custodian.delivery.parking.poll-interval", "1s");
        }
    }

    @Inject ObjectMapper mapper;
    @InjectMailSink MailSink mail;

    @AfterEach
    void smtpUp() {
        if (!mail.greenMail().isRunning()) {
            mail.greenMail().start();
        }
    }

    @Test
    void shouldMailWithinASecondOfTheSmtpServerComingBackNotAtTheNextBackoff() {
        mail.greenMail().stop();
        String eventId = UUID.randomUUID().toString();
        try (Events events = new Events(mapper)) {
            events.sendIncident(eventId, Events.stolenLaptop("LT-BACK-1", "Platform 9"));
            // attempts at 0, 0.5, 1.5, 3.5 and 7.5 s: the next one would come at 15.5 s
            await().during(Duration.ofSeconds(8))
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> about(eventId, inbox(mail, CEO)).isEmpty());

            mail.greenMail().start();
            Instant back = Instant.now();

            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () ->
                                    about(eventId, inbox(mail, CEO)).size() == 1
                                            && about(eventId, inbox(mail, CTO)).size() == 1);
            Duration after = Duration.between(back, Instant.now());
            System.out.printf("SMTP back: both alerts %d ms later%n", after.toMillis());
            assertThat(after).isLessThan(Duration.ofMillis(2500));
        }
    }
}
