package io.custodian.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.custodian.notification.Events.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.api.event.PolicyAsset;
import io.custodian.api.event.PolicyPerson;
import io.custodian.api.event.ViolationReported;
import io.custodian.local.MailSink;
import io.custodian.local.testing.InjectMailSink;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Free text from reporters reaches mail clients and chat: the Qute HTML templates escape it (real
 * Kafka, real SMTP into GreenMail), and the chat's mrkdwn section gets Slack's entities, so a
 * {@code <script>} or {@code <img onerror>} in a report is shown, never run.
 */
@QuarkusTest
class MarkupEscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(document.cookie)>";
    private static final String LINK = "<https://evil.example|Click to verify>";

    @InjectMailSink MailSink mail;
    @InjectReceivers WireMockServer receivers;
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
    void shouldEscapeAReportersMarkupInTheIncidentMailAndChat() throws Exception {
        IncidentReported stolen = Events.stolenLaptop("LT-" + SCRIPT, IMG);
        IncidentReported incident =
                new IncidentReported(
                        stolen.incidentId(),
                        stolen.kind(),
                        stolen.occurredAt(),
                        stolen.reportedAt(),
                        stolen.reportingDelaySeconds(),
                        stolen.late(),
                        IMG,
                        SCRIPT + " & " + LINK,
                        "\"><b>BTP</b>",
                        stolen.reportedBy(),
                        stolen.asset(),
                        stolen.owner(),
                        stolen.holder());
        String eventId = UUID.randomUUID().toString();
        events.sendIncident(eventId, incident);
        Events.awaitMails(mail, eventId, Events.CEO);

        MimeMessage message = Events.about(eventId, Events.inbox(mail, Events.CEO)).get(0);
        assertEscapedHtml(html(message));
        assertThat(html(message)).contains("&quot;&gt;&lt;b&gt;BTP&lt;/b&gt;");
        // the plain-text alternative is not markup: the text as the reporter wrote it
        assertThat(Events.text(message)).contains(SCRIPT).contains(IMG);

        assertEscapedChat(chatAbout(incident.incidentId()));
    }

    @Test
    void shouldEscapeAReportersMarkupInTheViolationMailAndChat() throws Exception {
        UUID id = UUID.randomUUID();
        PolicyPerson reporter =
                new PolicyPerson("rep-" + id + "@example.com", null, "<b>Mallory</b>");
        ViolationReported violation =
                new ViolationReported(
                        id,
                        SCRIPT + "\n" + IMG + "\n" + LINK,
                        "handling",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60),
                        new PolicyPerson("who-" + id + "@example.com", UUID.randomUUID(), IMG),
                        new PolicyAsset(id, "LT-<i>1</i>", SCRIPT, "laptop", "internal"),
                        reporter,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String eventId = UUID.randomUUID().toString();
        events.send(
                eventId,
                EventTypes.VIOLATION_REPORTED,
                id.toString(),
                mapper.writeValueAsString(violation));
        Events.awaitMails(mail, eventId, Events.CEO);

        String html = html(Events.about(eventId, Events.inbox(mail, Events.CEO)).get(0));
        assertEscapedHtml(html);
        assertThat(html).doesNotContain("<b>Mallory", "<i>1");

        assertEscapedChat(chatAbout(id));
    }

    private static void assertEscapedHtml(String html) {
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(document.cookie)&gt;")
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<https://evil");
    }

    /** The mrkdwn section carries Slack's entities; the plain_text header is never parsed. */
    private void assertEscapedChat(LoggedRequest chat) throws Exception {
        JsonNode message = mapper.readTree(chat.getBodyAsString());
        String section = message.at("/blocks/1/text/text").asText();
        assertThat(message.at("/blocks/1/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(section)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;https://evil.example|Click to verify&gt;")
                .doesNotContain("<script", "<img", "<https://evil");
        assertThat(message.at("/text").asText()).doesNotContain("<");
        assertThat(message.at("/blocks/0/text/type").asText()).isEqualTo("plain_text");
    }

    private LoggedRequest chatAbout(UUID id) {
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                !receivers
                                        .findAll(
                                                postRequestedFor(
                                                                urlPathEqualTo(
                                                                        ReceiversTestResource
                                                                                .CHAT_PATH))
                                                        .withRequestBody(containing(id.toString())))
                                        .isEmpty());
        List<LoggedRequest> chats =
                receivers.findAll(
                        postRequestedFor(urlPathEqualTo(ReceiversTestResource.CHAT_PATH))
                                .withRequestBody(containing(id.toString())));
        return chats.get(0);
    }
}
