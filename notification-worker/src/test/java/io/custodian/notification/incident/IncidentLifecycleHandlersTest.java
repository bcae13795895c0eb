package io.custodian.notification.incident;

import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static io.custodian.notification.Events.html;
import static io.custodian.notification.Events.inbox;
import static io.custodian.notification.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentClosed;
import io.custodian.api.event.IncidentContained;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alerts on an incident's life after the report: a personal device's report, containment,
 * closure and recovery — real Kafka, real SMTP (GreenMail).
 */
@QuarkusTest
class IncidentLifecycleHandlersTest {

    private static final String REPORTER = "ada@example.com";
    private static final Instant REPORTED = Instant.parse("2026-11-27T09:02:11.482Z");
    private static final IncidentReported.Asset LAPTOP =
            new IncidentReported.Asset(
                    UUID.randomUUID(),
                    "LT-0042",
                    "MacBook Pro 14 (Ada)",
                    "laptop",
                    "confidential",
                    "C02XK1JHJG5J",
                    "in_use");
    private static final IncidentReported.Party TEAM =
            new IncidentReported.Party(
                    "group", UUID.randomUUID(), "Platform team", "platform@example.com");
    private static final IncidentReported.Party ADA =
            new IncidentReported.Party(
                    "person", UUID.randomUUID(), "Ada Lovelace", "ada@example.com");
    private static final IncidentReported.Device PHONE =
            new IncidentReported.Device("phone", "Personal Pixel 8 with company mail & Slack");

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
    void shouldAlertLeadershipAboutALostPersonalDevice() throws Exception {
        String eventId = UUID.randomUUID().toString();
        UUID incident = UUID.randomUUID();
        var report =
                new IncidentReported(
                        incident,
                        "lost",
                        REPORTED.minus(25, ChronoUnit.MINUTES),
                        REPORTED,
                        1500,
                        false,
                        "Taxi from the airport",
                        null,
                        null,
                        "grace@example.com",
                        null,
                        null,
                        null,
                        PHONE);

        send(eventId, EventTypes.INCIDENT_REPORTED, incident, report);
        Events.awaitMails(mail, eventId, CEO, CTO);

        for (String recipient : List.of(CEO, CTO)) {
            MimeMessage message = single(eventId, recipient);
            assertThat(message.getSubject())
                    .isEqualTo("[Custodian] LOST: personal phone of grace@example.com");
            assertThat(text(message))
                    .contains("A personal phone with company access was reported lost.")
                    .contains("Personal Pixel 8 with company mail & Slack")
                    .contains("Taxi from the airport")
                    .contains("grace@example.com")
                    .doesNotContain("Owner:")
                    .doesNotContain("Status before");
            assertThat(html(message)).contains("company mail &amp; Slack");
        }
    }

    @Test
    void shouldAlertLeadershipThatATheftIsContainedWithTheActionsSoFar() throws Exception {
        String eventId = UUID.randomUUID().toString();
        var contained =
                new IncidentContained(
                        UUID.randomUUID(),
                        "stolen",
                        "contained",
                        REPORTED.minus(47, ChronoUnit.MINUTES),
                        REPORTED,
                        false,
                        "Train from Leeds to York, coach C",
                        "ada@example.com",
                        LAPTOP,
                        null,
                        TEAM,
                        ADA,
                        REPORTED.plusSeconds(209),
                        "it@example.com",
                        List.of(
                                new IncidentContained.Action(
                                        "remote-lock-requested",
                                        "Lock sent through <MDM>",
                                        "it@example.com",
                                        REPORTED.plusSeconds(209))));

        send(eventId, EventTypes.INCIDENT_CONTAINED, LAPTOP.id(), contained);
        // routed to leadership and to the reporter (custodian.routing."…contained".email)
        Events.awaitMails(mail, eventId, CEO, CTO, REPORTER);

        for (String recipient : List.of(CEO, CTO, REPORTER)) {
            MimeMessage message = single(eventId, recipient);
            assertThat(message.getSubject())
                    .isEqualTo("[Custodian] CONTAINED: stolen LT-0042 MacBook Pro 14 (Ada)");
            assertThat(text(message))
                    .contains("it@example.com recorded the first containment action at")
                    .contains("Remote lock requested: Lock sent through <MDM>")
                    .contains("by it@example.com, Fri 27 Nov 2026, 09:05 UTC")
                    .contains("Platform team (group, platform@example.com)")
                    .contains("Ada Lovelace (person, ada@example.com)")
                    .contains(contained.incidentId().toString())
                    .contains(
                            "Open it: http://localhost:8080/console/incident?id="
                                    + contained.incidentId());
            assertThat(html(message))
                    .contains("Lock sent through &lt;MDM&gt;")
                    .doesNotContain("<MDM>");
        }
    }

    @Test
    void shouldAlertLeadershipThatAStolenLaptopIsRecoveredAndBackInStock() throws Exception {
        String eventId = UUID.randomUUID().toString();
        var recovered = closed("recovered", LAPTOP, null, TEAM, "in_stock", "Handed in at York");

        send(eventId, EventTypes.INCIDENT_CLOSED, LAPTOP.id(), recovered);
        Events.awaitMails(mail, eventId, CEO, CTO, REPORTER);
        assertThat(single(eventId, REPORTER).getSubject()).startsWith("[Custodian] RECOVERED");

        MimeMessage message = single(eventId, CEO);
        assertThat(message.getSubject())
                .isEqualTo("[Custodian] RECOVERED: stolen LT-0042 MacBook Pro 14 (Ada)");
        assertThat(text(message))
                .contains("The stolen device was recovered: ceo@example.com recorded it at")
                .contains("The asset is in stock again.")
                .contains("Handed in at York")
                .contains("Remote wipe requested")
                .containsPattern("Contained: +Fri 27 Nov 2026, 09:05 UTC");
    }

    @Test
    void shouldAlertLeadershipThatAPersonalDeviceIncidentIsClosed() throws Exception {
        String eventId = UUID.randomUUID().toString();
        var incident = closed("closed", null, PHONE, null, null, "<b>Written off</b>");

        send(eventId, EventTypes.INCIDENT_CLOSED, incident.incidentId(), incident);
        Events.awaitMails(mail, eventId, CEO, CTO, REPORTER);

        MimeMessage message = single(eventId, CTO);
        assertThat(message.getSubject())
                .isEqualTo("[Custodian] CLOSED: stolen personal phone of ada@example.com");
        assertThat(text(message))
                .contains("The incident about the stolen personal device was closed by")
                .contains("<b>Written off</b>")
                .doesNotContain("The asset stays")
                .doesNotContain("Owner:");
        assertThat(html(message)).contains("&lt;b&gt;Written off&lt;/b&gt;");
    }

    @Test
    void shouldWriteActionsInWords() {
        assertThat(IncidentUpdate.actionInWords("remote-lock-requested"))
                .isEqualTo("Remote lock requested");
        assertThat(IncidentUpdate.actionInWords("other")).isEqualTo("Other");
    }

    private static IncidentClosed closed(
            String outcome,
            IncidentReported.Asset asset,
            IncidentReported.Device device,
            IncidentReported.Party owner,
            String assetStatus,
            String note) {
        return new IncidentClosed(
                UUID.randomUUID(),
                "stolen",
                outcome,
                REPORTED.minus(47, ChronoUnit.MINUTES),
                REPORTED,
                false,
                null,
                "ada@example.com",
                asset,
                assetStatus,
                device,
                owner,
                null,
                REPORTED.plusSeconds(209),
                REPORTED.plus(1, ChronoUnit.DAYS),
                "ceo@example.com",
                note,
                List.of(
                        new IncidentContained.Action(
                                "remote-wipe-requested",
                                null,
                                "it@example.com",
                                REPORTED.plusSeconds(209))));
    }

    private void send(String eventId, String type, UUID key, Object data)
            throws JsonProcessingException {
        events.send(eventId, type, key.toString(), mapper.writeValueAsString(data));
    }

    /** The one mail about this event in the recipient's inbox, once the worker has settled it. */
    private MimeMessage single(String eventId, String recipient) {
        Events.awaitSettled(eventId);
        List<MimeMessage> mails = Events.about(eventId, inbox(mail, recipient));
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
