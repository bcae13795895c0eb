package io.custodian.notification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.api.event.VerificationDue;
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

@QuarkusTest
class VerificationDueHandlerTest {

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
    void shouldAskTheHolderAndTheOwningTeamToConfirmAnOverdueAsset() throws Exception {
        String eventId = UUID.randomUUID().toString();
        VerificationDue due =
                new VerificationDue(
                        UUID.randomUUID(),
                        "LT-0099",
                        "ThinkPad X1",
                        "laptop",
                        "confidential",
                        Instant.now().minus(100, ChronoUnit.DAYS),
                        Instant.now().minus(10, ChronoUnit.DAYS),
                        true,
                        new IncidentReported.Party(
                                "group",
                                UUID.randomUUID(),
                                "Platform team",
                                "platform@example.com"),
                        new IncidentReported.Party(
                                "person", UUID.randomUUID(), "Ada Lovelace", "ada@example.com"));

        events.send(
                eventId,
                EventTypes.VERIFICATION_DUE,
                due.assetId().toString(),
                mapper.writeValueAsString(due));
        Events.awaitMails(mail, eventId, "ada@example.com", "platform@example.com");

        List<MimeMessage> ada = Events.about(eventId, Events.inbox(mail, "ada@example.com"));
        assertThat(ada).hasSize(1);
        assertThat(ada.get(0).getSubject())
                .isEqualTo(
                        "[Custodian] Overdue: please confirm you still have LT-0099 ThinkPad X1");
        assertThat(Events.text(ada.get(0)))
                .contains("OVERDUE")
                .contains("Platform team")
                .contains(
                        "Confirm it with one tap (\"I still have it\"):"
                                + " http://localhost:8080/console/assets");
        assertThat(Events.html(ada.get(0)))
                .contains("<a href=\"http://localhost:8080/console/assets\"");
        assertThat(Events.about(eventId, Events.inbox(mail, "platform@example.com"))).hasSize(1);
        assertThat(Events.about(eventId, Events.inbox(mail, Events.CEO))).isEmpty();
    }
}
