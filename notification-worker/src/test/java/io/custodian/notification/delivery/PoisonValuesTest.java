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
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever a stored value holds, the alert goes out: an asset name with a line break (stored before
 * input validation existed) yields a mail whose subject shows it on one line, and no header is
 * injected through it.
 */
@QuarkusTest
class PoisonValuesTest {

    private static final String INJECTED = "x@example.com";
    private static final String OWNER = "platform@example.com";

    @InjectMailSink MailSink mail;
    @Inject ObjectMapper mapper;

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
    void shouldAlertLeadershipOnOneSubjectLineAndNobodyElseWhenTheAssetNameHoldsALineBreak()
            throws Exception {
        String eventId = UUID.randomUUID().toString();
        String tag = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        events.sendIncident(
                eventId,
                Events.stolenLaptop(
                        tag, "Laptop\r\nBcc: " + INJECTED, "Lift lobby", UUID.randomUUID()));

        long waited = Events.awaitMails(mail, eventId, CEO, CTO, OWNER);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ChannelsTest.processedAt(eventId) != null);
        System.out.printf("alert about an asset named with CR/LF in the inbox: %d ms%n", waited);

        for (String to : List.of(CEO, CTO)) {
            List<MimeMessage> mails = about(eventId, inbox(mail, to));
            assertThat(mails).hasSize(1);
            MimeMessage alert = mails.get(0);
            assertThat(alert.getSubject())
                    .isEqualTo("[Custodian] STOLEN: " + tag + " Laptop Bcc: " + INJECTED);
            assertThat(alert.getHeader("Bcc")).isNull();
            assertThat(alert.getAllRecipients()).extracting(Object::toString).containsExactly(to);
            assertThat(rawHeaders(alert)).doesNotContainPattern("(?m)^Bcc:");
            // the text shows the name as it is stored
            assertThat(Events.text(alert)).contains("Laptop");
        }
        assertThat(inbox(mail, INJECTED)).isEmpty();
        // delivered to exactly these, each once (the inboxes above); an SMTP answer slower than
        // the tests' 1 s attempt timeout on a loaded machine may cost a retry, as in ChannelsTest
        assertThat(ChannelsTest.deliveries(eventId))
                .extracting(d -> d.channel + ":" + d.recipient + ":" + d.status)
                .containsExactlyInAnyOrder(
                        "email:" + CEO + ":delivered",
                        "email:" + CTO + ":delivered",
                        "email:" + OWNER + ":delivered",
                        "chat:leadership:delivered",
                        "webhook:siem:delivered");
    }

    private static String rawHeaders(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String raw = out.toString(StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        return end < 0 ? raw : raw.substring(0, end);
    }
}
