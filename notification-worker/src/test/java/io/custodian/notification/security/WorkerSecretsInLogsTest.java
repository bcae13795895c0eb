package io.custodian.notification.security;

import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.ReceiversTestResource.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.DevTokens;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.local.testing.LogCapture;
import io.custodian.notification.DeliveryLogApi;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A full flow of the worker — an incident alerted by e-mail, chat and a signed webhook, then read
 * back from the delivery log with a bearer token — and every log record of the JVM read for the
 * token, the webhook's signing secret and the alert's text: none is there.
 */
@QuarkusTest
class WorkerSecretsInLogsTest {

    @InjectMailSink MailSink mail;
    @Inject ObjectMapper mapper;

    @Test
    void shouldLogNoTokenSecretOrMessageBodyOfAFullFlow() {
        String token = DevTokens.forTests().token("auditor", "auditor@example.com");
        String eventId = UUID.randomUUID().toString();
        IncidentReported incident =
                Events.stolenLaptop("LT-" + eventId.substring(0, 8), "Platform 9");
        List<String> lines;
        try (LogCapture log = LogCapture.start();
                Events events = new Events(mapper)) {
            events.sendIncident(eventId, incident);
            Events.awaitMails(mail, eventId, CEO, CTO, incident.owner().email());
            Events.awaitSettled(eventId);
            DeliveryLogApi.anonymous()
                    .auth()
                    .oauth2(token)
                    .queryParam("eventId", eventId)
                    .get("/api/v1/deliveries")
                    .then()
                    .statusCode(200);
            DeliveryLogApi.statusFor(token.substring(0, token.lastIndexOf('.') + 1) + "Zm9yZ2Vk");
            lines = log.lines();
        }
        // the capture saw the delivery: the check below has lines
        assertThat(lines).anyMatch(l -> l.contains(eventId) && l.contains("delivered to"));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        List<String> forbidden =
                List.of(
                        signature,
                        token.split("\\.")[1],
                        "Zm9yZ2Vk",
                        "Bearer ",
                        WEBHOOK_SECRET,
                        incident.circumstances());
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(forbidden));
    }
}
