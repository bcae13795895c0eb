package io.custodian.notification.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.ControlFailing;
import io.custodian.api.event.EventTypes;
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

@QuarkusTest
class ControlFailingHandlerTest {

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
    void shouldTellLeadershipWhichControlTurnedFailingAndWhatFails() throws Exception {
        String eventId = UUID.randomUUID().toString();
        ControlFailing failing =
                new ControlFailing(
                        "A.8.1",
                        "User endpoint devices",
                        "Every endpoint device in use is disk-encrypted.",
                        LocalDate.parse("2026-12-04"),
                        Instant.parse("2026-12-04T05:00:00Z"),
                        LocalDate.parse("2026-12-03"),
                        412,
                        409,
                        3,
                        0,
                        List.of(
                                new ControlFailing.Item(
                                        UUID.randomUUID().toString(),
                                        "asset",
                                        "LT-0042",
                                        List.of("disk not encrypted", "no screen lock")),
                                new ControlFailing.Item(
                                        UUID.randomUUID().toString(),
                                        "asset",
                                        "<LT-0107>",
                                        List.of("no posture report in the last 7 days"))),
                        true);

        events.send(
                eventId,
                EventTypes.CONTROL_FAILING,
                UUID.randomUUID().toString(),
                mapper.writeValueAsString(failing));
        Events.awaitMails(mail, eventId, Events.CEO, Events.CTO);

        List<MimeMessage> ceo = Events.about(eventId, Events.inbox(mail, Events.CEO));
        assertThat(ceo).hasSize(1);
        assertThat(ceo.get(0).getSubject())
                .isEqualTo("[Custodian] A.8.1 User endpoint devices is failing: 3 items");
        assertThat(Events.text(ceo.get(0)))
                .contains("It passed on 2026-12-03; today's check finds 3 failing of 412.")
                .contains("  - LT-0042: disk not encrypted; no screen lock")
                .contains("... and 1 more")
                .contains(
                        "The control in Custodian:"
                                + " http://localhost:8080/console/compliance/control?id=A.8.1");
        assertThat(Events.html(ceo.get(0)))
                .contains("&lt;LT-0107&gt;")
                .contains("<a href=\"http://localhost:8080/console/compliance/control?id=A.8.1\"");
        assertThat(Events.about(eventId, Events.inbox(mail, Events.CTO))).hasSize(1);
        assertThat(Events.about(eventId, Events.inbox(mail, "it@example.com"))).isEmpty();
    }
}
