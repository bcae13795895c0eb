package io.custodian.notification.policy;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.ExceptionDecided;
import io.custodian.api.event.ExceptionExpired;
import io.custodian.api.event.ExceptionRequested;
import io.custodian.api.event.PolicyAsset;
import io.custodian.api.event.PolicyPerson;
import io.custodian.api.event.ViolationAcknowledged;
import io.custodian.api.event.ViolationClosed;
import io.custodian.api.event.ViolationReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.custodian.notification.InjectReceivers;
import io.custodian.notification.ReceiversTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The six policy.* alerts: who gets them (real Kafka, real SMTP, WireMock as the leadership chat)
 * and what they say.
 */
@QuarkusTest
class PolicyHandlersTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final PolicyAsset LAPTOP =
            new PolicyAsset(
                    UUID.randomUUID(), "LT-0042", "MacBook Pro 14", "laptop", "confidential");

    @InjectMailSink MailSink mail;
    @InjectReceivers WireMockServer receivers;
    @Inject ObjectMapper mapper;

    private Events events;
    private PolicyPerson requester;
    private PolicyPerson reporter;
    private PolicyPerson concerned;
    private final PolicyPerson ceo = new PolicyPerson(Events.CEO, UUID.randomUUID(), "Grace Ceo");

    @BeforeEach
    void setUp() {
        mail.reset();
        events = new Events(mapper);
        requester =
                new PolicyPerson(
                        "req-" + UUID.randomUUID() + "@example.com",
                        UUID.randomUUID(),
                        "Ada Lovelace");
        reporter = new PolicyPerson("rep-" + UUID.randomUUID() + "@example.com", null, null);
        concerned =
                new PolicyPerson(
                        "who-" + UUID.randomUUID() + "@example.com", UUID.randomUUID(), "Eve Doe");
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void shouldAlertLeadershipOfAnExceptionRequestButNotTheRequester() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId =
                send(
                        EventTypes.EXCEPTION_REQUESTED,
                        id,
                        new ExceptionRequested(
                                id,
                                "handling",
                                "The laptop stays in the car during the data-centre visit.",
                                List.of(LAPTOP),
                                requester,
                                NOW,
                                LocalDate.parse("2027-01-31")));
        Events.awaitMails(mail, eventId, Events.CEO, Events.CTO);

        MimeMessage ceoMail = only(eventId, Events.CEO);
        assertThat(ceoMail.getSubject())
                .isEqualTo(
                        "[Custodian] Exception requested by Ada Lovelace <"
                                + requester.email()
                                + ">: Handling of Assets");
        assertThat(Events.text(ceoMail))
                .contains("Handling of Assets")
                .contains("Sun 31 Jan 2027")
                .contains("LT-0042 MacBook Pro 14 (confidential)")
                .contains("The laptop stays in the car")
                .contains("/api/v1/exceptions/" + id + "/decision")
                .contains("Open it: http://localhost:8080/console/exception?id=" + id);
        assertThat(html(ceoMail))
                .contains("<h2")
                .contains("Justification")
                .contains("<a href=\"http://localhost:8080/console/exception?id=" + id + "\"");
        only(eventId, Events.CTO);
        await().atMost(Duration.ofSeconds(10)).until(() -> chatsAbout(id).size() == 1);
        assertThat(chatsAbout(id).get(0).getBodyAsString()).contains("Exception requested by");
        assertThat(Events.about(eventId, Events.inbox(mail, requester.email()))).isEmpty();
    }

    @Test
    void shouldTellTheRequesterOfTheDecisionAndOnlyThem() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId =
                send(
                        EventTypes.EXCEPTION_DECIDED,
                        id,
                        new ExceptionDecided(
                                id,
                                "acceptable_use",
                                "Need a personal USB stick for the demo.",
                                List.of(),
                                requester,
                                LocalDate.parse("2027-01-31"),
                                ExceptionDecided.APPROVED,
                                "Only for the demo; wipe it afterwards.",
                                ceo,
                                NOW,
                                LocalDate.parse("2027-01-15")));
        Events.awaitMails(mail, eventId, requester.email());

        MimeMessage mine = only(eventId, requester.email());
        assertThat(mine.getSubject())
                .isEqualTo("[Custodian] Exception approved: Acceptable Use of Assets");
        assertThat(Events.text(mine))
                .contains("APPROVED")
                .contains("Fri 15 Jan 2027")
                .contains("Only for the demo; wipe it afterwards.")
                .contains("Grace Ceo <ceo@example.com>");
        Events.awaitSettled(eventId);
        assertThat(Events.about(eventId, Events.inbox(mail, Events.CEO))).isEmpty();
        assertThat(chatsAbout(id)).isEmpty();
    }

    @Test
    void shouldTellTheRequesterAndLeadershipThatAnExceptionExpired() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId =
                send(
                        EventTypes.EXCEPTION_EXPIRED,
                        id,
                        new ExceptionExpired(
                                id,
                                "return",
                                "Keeping the old laptop until the new one arrives.",
                                List.of(LAPTOP),
                                requester,
                                ceo,
                                LocalDate.parse("2026-11-20"),
                                NOW));
        Events.awaitMails(mail, eventId, requester.email(), Events.CEO, Events.CTO);

        MimeMessage mine = only(eventId, requester.email());
        assertThat(mine.getSubject()).startsWith("[Custodian] Exception expired: Return of Assets");
        assertThat(Events.text(mine)).contains("policy applies in full").contains("LT-0042");
        only(eventId, Events.CEO);
        only(eventId, Events.CTO);
    }

    @Test
    void shouldAlertLeadershipOfAViolationAtOnce() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId =
                send(
                        EventTypes.VIOLATION_REPORTED,
                        id,
                        new ViolationReported(
                                id,
                                "Laptop left unlocked and unattended in the café for an hour.",
                                "handling",
                                NOW.minusSeconds(3600),
                                concerned,
                                LAPTOP,
                                reporter,
                                NOW));
        Events.awaitMails(mail, eventId, Events.CEO, Events.CTO);

        MimeMessage ceoMail = only(eventId, Events.CEO);
        assertThat(ceoMail.getSubject())
                .isEqualTo(
                        "[Custodian] Policy violation reported: Laptop left unlocked and"
                                + " unattended in the café for an hour.");
        assertThat(Events.text(ceoMail))
                .contains("Eve Doe <" + concerned.email() + ">")
                .contains(reporter.email())
                .contains("What happened")
                .contains("/api/v1/violations/" + id + "/acknowledgement");
        only(eventId, Events.CTO);
        Events.awaitSettled(eventId);
        assertThat(chatsAbout(id)).hasSize(1);
        assertThat(Events.about(eventId, Events.inbox(mail, concerned.email()))).isEmpty();
        assertThat(Events.about(eventId, Events.inbox(mail, reporter.email()))).isEmpty();
    }

    @Test
    void shouldShowLeadershipWhatTheReporterNamedThatMatchesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId =
                send(
                        EventTypes.VIOLATION_REPORTED,
                        id,
                        new ViolationReported(
                                id,
                                "Someone photographed the badge reader.",
                                "acceptable_use",
                                null,
                                null,
                                null,
                                reporter,
                                NOW,
                                "mallory@example.com",
                                "PH-0999"));
        Events.awaitMails(mail, eventId, Events.CEO, Events.CTO);

        assertThat(Events.text(only(eventId, Events.CEO)))
                .contains("mallory@example.com (not in the directory)")
                .contains("PH-0999 (not in the register)");
        Events.awaitSettled(eventId);
        assertThat(Events.inbox(mail, "mallory@example.com")).isEmpty();
    }

    @Test
    void shouldTellTheReporterOfAcknowledgementAndClosure() throws Exception {
        UUID id = UUID.randomUUID();
        String acknowledged =
                send(
                        EventTypes.VIOLATION_ACKNOWLEDGED,
                        id,
                        new ViolationAcknowledged(
                                id,
                                "Shared a password by chat.",
                                null,
                                null,
                                null,
                                reporter,
                                ceo,
                                NOW,
                                "Looking into it."));
        String closed =
                send(
                        EventTypes.VIOLATION_CLOSED,
                        id,
                        new ViolationClosed(
                                id,
                                "Shared a password by chat.",
                                "acceptable_use",
                                concerned,
                                null,
                                reporter,
                                ceo,
                                NOW,
                                "Password rotated; the team was reminded of the rules."));
        Events.awaitMails(mail, acknowledged, reporter.email());
        Events.awaitMails(mail, closed, reporter.email());

        MimeMessage ack = only(acknowledged, reporter.email());
        assertThat(ack.getSubject())
                .isEqualTo("[Custodian] Violation report acknowledged: Shared a password by chat.");
        assertThat(Events.text(ack)).contains("Looking into it.").contains("Grace Ceo");
        MimeMessage close = only(closed, reporter.email());
        assertThat(close.getSubject())
                .isEqualTo("[Custodian] Violation report closed: Shared a password by chat.");
        assertThat(Events.text(close))
                .contains("Outcome")
                .contains("Password rotated; the team was reminded of the rules.");
        Events.awaitSettled(closed);
        assertThat(Events.about(closed, Events.inbox(mail, Events.CEO))).isEmpty();
        assertThat(Events.about(closed, Events.inbox(mail, concerned.email()))).isEmpty();
    }

    /** Chat messages naming this exception or violation (its id is in every alert's text). */
    private List<com.github.tomakehurst.wiremock.verification.LoggedRequest> chatsAbout(UUID id) {
        return receivers.findAll(
                postRequestedFor(urlPathEqualTo(ReceiversTestResource.CHAT_PATH))
                        .withRequestBody(containing(id.toString())));
    }

    private String send(String type, UUID key, Object data) throws Exception {
        String eventId = UUID.randomUUID().toString();
        events.send(eventId, type, key.toString(), mapper.writeValueAsString(data));
        return eventId;
    }

    /**
     * The one alert this address got about the event. A repeat is tolerated only as the documented
     * at-least-once case (an attempt timed out after the server had accepted, e.g. on a cold first
     * send): it must carry the same Message-ID, so mail clients show one message.
     */
    private MimeMessage only(String eventId, String address) {
        List<MimeMessage> mails = Events.about(eventId, Events.inbox(mail, address));
        assertThat(mails).as("mails about %s to %s", eventId, address).isNotEmpty();
        assertThat(mails.stream().map(m -> Events.header(m, "Message-ID")).distinct())
                .as("distinct Message-IDs of the mails about %s to %s", eventId, address)
                .hasSize(1);
        return mails.get(0);
    }

    /** The whole message as sent (both alternatives), decoded enough to find HTML tags. */
    private static String html(MimeMessage message) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
