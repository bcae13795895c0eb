package io.custodian.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Leadership is told at once, on every channel, exactly once: a theft report, an exception request
 * and a violation report through the public API, and what arrives in the SMTP sink, the chat
 * webhook and the signed SIEM webhook (a real HTTP receiver).
 */
class LeadershipAlertsTest {

    private static final String CEO = LossReports.CEO;
    private static final String CTO = LossReports.CTO;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final BeforeAllCallback SYSTEM = context -> custodian = Custodian.get(context);

    private static Custodian custodian;

    @Test
    void shouldAlertLeadershipByMailChatAndASignedWebhookExactlyOnceWhenALaptopIsStolen()
            throws Exception {
        LossReports reports = new LossReports(custodian);
        String tag = LossReports.newTag();
        reports.createLaptop(tag);
        String incidentId = reports.reportStolen(tag);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            assertThat(reports.alerts(CEO, tag)).hasSize(1);
                            assertThat(reports.alerts(CTO, tag)).hasSize(1);
                            assertThat(chatMessagesAbout(tag)).hasSize(1);
                            assertThat(webhooksAbout(incidentId)).hasSize(1);
                        });

        LoggedRequest chat = chatMessagesAbout(tag).get(0);
        JsonNode message = JSON.readTree(chat.getBodyAsString());
        assertThat(message.path("text").asText()).contains(tag);
        assertThat(message.path("blocks").get(0).path("type").asText()).isEqualTo("header");

        LoggedRequest webhook = webhooksAbout(incidentId).get(0);
        String timestamp = webhook.getHeader("X-Custodian-Timestamp");
        assertThat(webhook.getHeader("X-Custodian-Signature"))
                .as("HMAC-SHA256 over timestamp + '.' + body with the shared secret")
                .isEqualTo(signature(Custodian.WEBHOOK_SECRET, timestamp, webhook.getBody()));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)))
                .isLessThan(300);
        JsonNode event = JSON.readTree(webhook.getBodyAsString());
        assertThat(event.path("type").asText()).isEqualTo("asset.incident.reported");
        assertThat(webhook.getHeader("Idempotency-Key")).isEqualTo(event.path("id").asText());
        assertThat(event.path("data").path("asset").path("assetTag").asText()).isEqualTo(tag);
        assertThat(event.path("data").path("kind").asText()).isEqualTo("stolen");

        // nothing arrives twice: not a mail, a chat message or a webhook call
        Custodian.sleep(2_000);
        assertThat(reports.alerts(CEO, tag)).hasSize(1);
        assertThat(reports.alerts(CTO, tag)).hasSize(1);
        assertThat(chatMessagesAbout(tag)).hasSize(1);
        assertThat(webhooksAbout(incidentId)).hasSize(1);
    }

    @Test
    void shouldAlertLeadershipOfAnExceptionRequestAndLetOnlyLeadershipDecideIt() {
        String tag = LossReports.newTag();
        String requester = LossReports.ownerEmail(tag);
        String assetId = new LossReports(custodian).createLaptop(tag);

        String exceptionId =
                as("employee", requester)
                        .body(
                                Map.of(
                                        "clause",
                                        "handling",
                                        "justification",
                                        "Field test rig " + tag + " cannot run MDM yet",
                                        "assetIds",
                                        List.of(assetId),
                                        "wantedUntil",
                                        LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                        .post("/api/v1/exceptions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            assertThat(mailsAbout(CEO, "Exception requested", tag)).hasSize(1);
                            assertThat(mailsAbout(CTO, "Exception requested", tag)).hasSize(1);
                        });

        for (String role : List.of("asset-admin", "employee", "auditor")) {
            as(role, "someone-" + role + "@example.com")
                    .body(Map.of("decision", "approve", "note", "fine by me"))
                    .post("/api/v1/exceptions/{id}/decision", exceptionId)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        as("employee", requester)
                .get("/api/v1/exceptions/{id}", exceptionId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("requested"));

        as("leadership", CTO)
                .body(Map.of("decision", "approve", "note", "Until the MDM profile ships"))
                .post("/api/v1/exceptions/{id}/decision", exceptionId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("approved"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(mailsAbout(requester, "Exception approved", ""))
                                        .hasSize(1));
    }

    @Test
    void shouldAlertLeadershipOfAViolationAtOnce() {
        String tag = LossReports.newTag();
        as("employee", "witness-" + tag.toLowerCase() + "@example.com")
                .body(
                        Map.of(
                                "description",
                                tag + " confidential printouts left in the lobby",
                                "clause",
                                "handling"))
                .post("/api/v1/violations")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/violations/"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            assertThat(mailsAbout(CEO, "Policy violation reported", tag))
                                    .hasSize(1);
                            assertThat(mailsAbout(CTO, "Policy violation reported", tag))
                                    .hasSize(1);
                            assertThat(chatMessagesAbout(tag)).hasSize(1);
                        });
    }

    private static List<MimeMessage> mailsAbout(String to, String kind, String text) {
        return custodian.mail.messagesTo(to).stream()
                .filter(
                        m -> {
                            String subject = subject(m).toLowerCase(Locale.ROOT);
                            return subject.contains(kind.toLowerCase(Locale.ROOT))
                                    && subject.contains(text.toLowerCase(Locale.ROOT));
                        })
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static List<LoggedRequest> chatMessagesAbout(String text) {
        return custodian.receiver.findAll(postRequestedFor(urlEqualTo("/chat"))).stream()
                .filter(r -> r.getBodyAsString().contains(text))
                .toList();
    }

    private static List<LoggedRequest> webhooksAbout(String incidentId) {
        return custodian.receiver.findAll(
                postRequestedFor(urlEqualTo("/siem"))
                        .withRequestBody(
                                matchingJsonPath("$.data.incidentId", equalTo(incidentId))));
    }

    private static String signature(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static RequestSpecification as(String role, String email) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token(role, email))
                .contentType(ContentType.JSON);
    }
}
