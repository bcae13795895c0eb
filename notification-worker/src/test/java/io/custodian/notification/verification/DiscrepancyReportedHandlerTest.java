package io.custodian.notification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.DiscrepancyReported;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscrepancyReportedHandlerTest {

    private static final String IT = "it@example.com";

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
    void shouldTellItWhoSaysTheyDoNotHaveTheAssetWithALinkToIt() throws Exception {
        String eventId = UUID.randomUUID().toString();
        UUID assetId = UUID.randomUUID();
        DiscrepancyReported reported =
                new DiscrepancyReported(
                        assetId,
                        "LT-0042",
                        "MacBook Pro 14",
                        "laptop",
                        "confidential",
                        "in_use",
                        Instant.parse("2026-11-18T09:00:00Z"),
                        "ada@example.com",
                        "Never received it; I was given <LT-0043> instead",
                        new IncidentReported.Party(
                                "group",
                                UUID.randomUUID(),
                                "Platform team",
                                "platform@example.com"),
                        new IncidentReported.Party(
                                "person", UUID.randomUUID(), "Ada Lovelace", "ada@example.com"));

        events.send(
                eventId,
                EventTypes.DISCREPANCY_REPORTED,
                assetId.toString(),
                mapper.writeValueAsString(reported));
        Events.awaitMails(mail, eventId, IT);

        List<MimeMessage> it = Events.about(eventId, Events.inbox(mail, IT));
        assertThat(it).hasSize(1);
        assertThat(it.get(0).getSubject())
                .isEqualTo(
                        "[Custodian] ada@example.com says they don't have LT-0042 MacBook Pro 14");
        assertThat(Events.text(it.get(0)))
                .contains("Status:      in use")
                .contains("Holder:      Ada Lovelace <ada@example.com>")
                .contains("When:        Wed 18 Nov 2026, 09:00 UTC")
                .contains("Their note:  Never received it; I was given <LT-0043> instead")
                .contains(
                        "The asset in Custodian: http://localhost:8080/console/assets/" + assetId);
        assertThat(Events.html(it.get(0)))
                .contains("<a href=\"http://localhost:8080/console/assets/" + assetId + "\"")
                .contains("I was given &lt;LT-0043&gt; instead");
        // routed to IT only: neither the person who said it nor the owning team get a copy
        assertThat(Events.about(eventId, Events.inbox(mail, "ada@example.com"))).isEmpty();
        assertThat(Events.about(eventId, Events.inbox(mail, "platform@example.com"))).isEmpty();
        assertThat(Events.about(eventId, Events.inbox(mail, Events.CEO))).isEmpty();
    }
}
