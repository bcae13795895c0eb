package io.custodian.notification.incident;

import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.Events.about;
import static io.custodian.notification.Events.header;
import static io.custodian.notification.Events.inbox;
import static io.custodian.notification.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentReportedHandlerTest {

    private static final Logger LOG = Logger.getLogger(IncidentReportedHandlerTest.class);

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
    void shouldMailTheCeoAndTheCtoOnceWhenALaptopIsStolen() throws Exception {
        String eventId = UUID.randomUUID().toString();
        IncidentReported incident =
                Events.stolenLaptop("LT-0042", "Train from Leeds to York, coach C");

        long start = System.nanoTime();
        events.sendIncident(eventId, incident);
        awaitMails(eventId, CEO, CTO);
        LOG.infof(
                "Produce -> mail in GreenMail (CEO and CTO), first event: %d ms",
                (System.nanoTime() - start) / 1_000_000);

        for (String recipient : List.of(CEO, CTO)) {
            List<MimeMessage> alerts = about(eventId, inbox(mail, recipient));
            assertThat(alerts).hasSize(1);
            MimeMessage message = alerts.get(0);
            assertThat(message.getSubject())
                    .isEqualTo("[Custodian] STOLEN: LT-0042 MacBook Pro 14 (Ada)");
            assertThat(text(message))
                    .contains("Train from Leeds to York, coach C")
                    .contains("Bag taken from the luggage rack")
                    .contains("BTP-2026-118273")
                    .contains("47 min")
                    .contains("Platform team (group, platform@example.com)")
                    .contains("Ada Lovelace (person, ada@example.com)")
                    .contains("ada@example.com")
                    .contains(incident.incidentId().toString())
                    .contains(
                            "Open it to record containment and close it:"
                                    + " http://localhost:8080/console/incident?id="
                                    + incident.incidentId())
                    .doesNotContain("LATE");
            assertThat(Events.html(message))
                    .contains(
                            "<a href=\"http://localhost:8080/console/incident?id="
                                    + incident.incidentId()
                                    + "\"");
            assertThat(header(message, "Message-ID"))
                    .matches("<" + eventId + "\\.[0-9a-f]{16}@custodian>");
        }
        assertThat(header(about(eventId, inbox(mail, CEO)).get(0), "Message-ID"))
                .isNotEqualTo(header(about(eventId, inbox(mail, CTO)).get(0), "Message-ID"));
    }

    @Test
    void shouldMailOnlyOnceWhenTheSameEventIsDeliveredTwice() {
        String eventId = UUID.randomUUID().toString();
        IncidentReported incident = Events.stolenLaptop("LT-0043", "Cafe Nero, Leeds station");
        events.sendIncident(eventId, incident);
        events.sendIncident(eventId, incident);
        // a third event with the same key (same partition, so consumed after both copies):
        // once its mails are in, the second copy has been consumed too
        String markerId = UUID.randomUUID().toString();
        IncidentReported marker =
                new IncidentReported(
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
        events.sendIncident(markerId, marker);

        awaitMails(markerId, CEO, CTO);

        for (String recipient : List.of(CEO, CTO)) {
            List<MimeMessage> inbox = inbox(mail, recipient);
            assertThat(about(eventId, inbox)).hasSize(1);
            assertThat(about(markerId, inbox)).hasSize(1);
        }
    }

    @Test
    void shouldSayLostAndFlagALateReportWhenADeviceIsLost() throws Exception {
        String eventId = UUID.randomUUID().toString();
        events.sendIncident(eventId, Events.lostPhoneReportedLate("PH-0007"));

        awaitMails(eventId, CEO, CTO);

        MimeMessage message = about(eventId, inbox(mail, CEO)).get(0);
        assertThat(message.getSubject()).isEqualTo("[Custodian] LOST: PH-0007 iPhone 15 (Grace)");
        assertThat(text(message))
                .contains("LATE REPORT: it came 3 d 2 h after the loss")
                .contains("Somewhere between the office and Kings Cross")
                .containsPattern("Holder: +nobody recorded")
                .contains("Police reference:  none");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
    }

    private void awaitMails(String eventId, String... recipients) {
        Events.awaitMails(mail, eventId, recipients);
    }
}
