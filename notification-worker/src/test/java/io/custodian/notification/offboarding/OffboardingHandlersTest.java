package io.custodian.notification.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.OffboardingCompleted;
import io.custodian.api.event.OffboardingReturnOverdue;
import io.custodian.api.event.OffboardingStarted;
import io.custodian.api.event.PersonReactivated;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The off-boarding events, sent to Kafka as asset-service does, end as e-mails in real SMTP. */
@QuarkusTest
class OffboardingHandlersTest {

    private static final String IT = "it@example.com";
    private static final OffboardingStarted.Person ADA =
            new OffboardingStarted.Person(
                    UUID.randomUUID(), "E-1042", "Ada Lovelace", "ada.leaver@example.com");
    private static final OffboardingStarted.Person CHARLES =
            new OffboardingStarted.Person(
                    UUID.randomUUID(), "E-1001", "Charles Babbage", "charles.mgr@example.com");

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
    void shouldEscalateAnOverdueReturnToTheCeoAndCto() throws Exception {
        String eventId = UUID.randomUUID().toString();
        UUID offboarding = UUID.randomUUID();
        var overdue =
                new OffboardingReturnOverdue(
                        offboarding,
                        ADA,
                        CHARLES,
                        LocalDate.parse("2026-12-18"),
                        LocalDate.parse("2026-12-22"),
                        4,
                        List.of(item("return", "pending", "LT-0042", "MacBook Pro 14")));

        events.send(
                eventId,
                EventTypes.OFFBOARDING_RETURN_OVERDUE,
                offboarding.toString(),
                mapper.writeValueAsString(overdue));
        Events.awaitMails(mail, eventId, Events.CEO, Events.CTO);

        for (String leader : List.of(Events.CEO, Events.CTO)) {
            List<MimeMessage> mails = Events.about(eventId, Events.inbox(mail, leader));
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject())
                    .isEqualTo(
                            "[Custodian] Overdue: Ada Lovelace has not returned 1 asset, 4 days"
                                    + " after leaving");
            assertThat(Events.text(mails.get(0)))
                    .contains("LT-0042 MacBook Pro 14")
                    .contains("Fri 18 Dec 2026")
                    .contains("Charles Babbage <charles.mgr@example.com>")
                    .contains(
                            "Open the off-boarding (check in, or waive with a reason):"
                                    + " http://localhost:8080/console/offboarding?id="
                                    + offboarding);
        }
        assertThat(Events.about(eventId, Events.inbox(mail, ADA.email()))).isEmpty();
    }

    @Test
    void shouldTellTheLeaverTheirManagerAndItWhatMustComeBack() throws Exception {
        String eventId = UUID.randomUUID().toString();
        UUID offboarding = UUID.randomUUID();
        var started =
                new OffboardingStarted(
                        offboarding,
                        ADA,
                        CHARLES,
                        LocalDate.parse("2026-12-18"),
                        "webhook",
                        "HR-1",
                        Instant.now(),
                        List.of(
                                item("return", "pending", "LT-0042", "MacBook Pro 14"),
                                item(
                                        "ownership_transfer",
                                        "pending",
                                        "DB-CUST-01",
                                        "Customer database")));

        events.send(
                eventId,
                EventTypes.OFFBOARDING_STARTED,
                offboarding.toString(),
                mapper.writeValueAsString(started));
        Events.awaitMails(mail, eventId, ADA.email(), CHARLES.email(), IT);

        MimeMessage toAda = Events.about(eventId, Events.inbox(mail, ADA.email())).get(0);
        assertThat(toAda.getSubject())
                .isEqualTo(
                        "[Custodian] Off-boarding: Ada Lovelace leaves on Fri 18 Dec 2026 (2"
                                + " assets)");
        assertThat(Events.text(toAda))
                .contains("To be returned to IT")
                .contains("LT-0042 MacBook Pro 14 (laptop)")
                .contains("needs a new owner")
                .contains("DB-CUST-01 Customer database (laptop)")
                .contains(
                        "Open the return checklist: http://localhost:8080/console/offboarding?id="
                                + offboarding);
        assertThat(Events.about(eventId, Events.inbox(mail, Events.CEO))).isEmpty();
    }

    @Test
    void shouldTellItAndTheManagerWhenItIsCompleted() throws Exception {
        String eventId = UUID.randomUUID().toString();
        UUID offboarding = UUID.randomUUID();
        var completed =
                new OffboardingCompleted(
                        offboarding,
                        ADA,
                        CHARLES,
                        LocalDate.parse("2026-12-18"),
                        Instant.parse("2026-12-19T16:05:00Z"),
                        List.of(item("return", "waived", "PH-7", "iPhone 15")));

        events.send(
                eventId,
                EventTypes.OFFBOARDING_COMPLETED,
                offboarding.toString(),
                mapper.writeValueAsString(completed));
        Events.awaitMails(mail, eventId, IT, CHARLES.email());

        MimeMessage toIt = Events.about(eventId, Events.inbox(mail, IT)).get(0);
        assertThat(toIt.getSubject()).isEqualTo("[Custodian] Off-boarding completed: Ada Lovelace");
        assertThat(Events.text(toIt))
                .contains("PH-7 iPhone 15 (laptop): waived by leadership")
                .contains("Open the off-boarding: http://localhost:8080/console/offboarding?id=");
        assertThat(Events.about(eventId, Events.inbox(mail, ADA.email()))).isEmpty();
    }

    @Test
    void shouldTellItAndTheManagerWhenADepartedPersonIsRehired() throws Exception {
        String eventId = UUID.randomUUID().toString();
        var rehired =
                new PersonReactivated(
                        ADA, CHARLES, Instant.parse("2027-03-01T08:00:00Z"), "scim", "okta-scim");

        events.send(
                eventId,
                EventTypes.PERSON_REACTIVATED,
                ADA.id().toString(),
                mapper.writeValueAsString(rehired));
        Events.awaitMails(mail, eventId, IT, CHARLES.email());

        for (String to : List.of(IT, CHARLES.email())) {
            MimeMessage mail = Events.about(eventId, Events.inbox(this.mail, to)).get(0);
            assertThat(mail.getSubject())
                    .isEqualTo("[Custodian] Re-hired: Ada Lovelace is active again");
            assertThat(Events.text(mail))
                    .contains(
                            "Ada Lovelace <ada.leaver@example.com>, whose off-boarding was"
                                    + " completed, is active again since Mon 1 Mar 2027 08:00 UTC"
                                    + " (SCIM, by okta-scim).")
                    .contains("Manager: Charles Babbage <charles.mgr@example.com>")
                    .contains("they acknowledge the current");
        }
        assertThat(Events.about(eventId, Events.inbox(mail, ADA.email()))).isEmpty();
    }

    private static OffboardingStarted.Item item(
            String kind, String status, String tag, String name) {
        return new OffboardingStarted.Item(kind, status, UUID.randomUUID(), tag, name, "laptop");
    }
}
