package io.custodian.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.custodian.e2e.LossReports.CEO;
import static io.custodian.e2e.LossReports.CTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.custodian.e2e.Custodian.AssetServiceOptions;
import io.custodian.e2e.Leavers.Person;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Returns overdue after an off-boarding, end to end on real clocks: the asset-service's daily
 * escalation job runs every {@link #EVERY} here ({@code custodian.offboarding.escalation-cron}, the
 * only change), and an off-boarding whose last working day was ten days ago (the HR webhook takes a
 * past day, as when HR records a departure late) is escalated: one {@code
 * offboarding.return-overdue} event naming the pending returns, the escalation mail to the CEO and
 * the CTO and a message in the leadership chat (as the worker routes it), and no second one the
 * same day however often the job runs.
 */
class OverdueReturnEscalationTest {

    private static final Duration EVERY = Duration.ofSeconds(2);
    private static final String OVERDUE = "[Custodian] Overdue: ";
    private static final int DAYS_AGO = 10;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Custodian custodian;
    private static Leavers leavers;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM =
            context -> {
                custodian =
                        Custodian.get(
                                context,
                                AssetServiceOptions.DEFAULT.withEnv(
                                        "CUSTODIAN_OFFBOARDING_ESCALATION_CRON",
                                        "*/" + EVERY.toSeconds() + " * * * * ?"));
                leavers = new Leavers(custodian);
            };

    @Test
    void shouldEscalateReturnsOverdueToTheCeoAndTheCtoOnceADay() throws Exception {
        Person manager = leavers.person("Manager", null);
        Person leaver = leavers.person("Leaver", manager);
        String tag = Leavers.unique("OD");
        String laptopId =
                leavers.asset(tag + "-A", "MacBook Pro 14", "laptop", "person", manager.id());
        String phoneId = leavers.asset(tag + "-B", "iPhone 15", "phone", "person", manager.id());
        leavers.asset(tag + "-C", "Customer database", "database", "person", leaver.id());
        leavers.hold(laptopId, leaver);
        leavers.hold(phoneId, leaver);
        LocalDate started = LocalDate.now(ZoneOffset.UTC);
        LocalDate lastDay = started.minusDays(DAYS_AGO);

        String id =
                leavers.startOffboarding(leaver, lastDay.toString())
                        .then()
                        .statusCode(201)
                        .contentType(ContentType.JSON)
                        .body("status", equalTo("open"))
                        .body("overdue", equalTo(true))
                        .extract()
                        .path("id");

        MimeMessage ceo = leavers.awaitMail(CEO, OVERDUE, leaver);
        MimeMessage cto = leavers.awaitMail(CTO, OVERDUE, leaver);
        LocalDate today;
        long days;
        try (KafkaConsumer<String, String> consumer = Events.consumer(custodian)) {
            List<ConsumerRecord<String, String>> events =
                    Events.keyed(
                            consumer, id, "offboarding.return-overdue", Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(Events.header(event, "ce_subject")).isEqualTo("offboardings/" + id);
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.path("offboardingId").asText()).isEqualTo(id);
            assertThat(data.path("person").path("email").asText()).isEqualTo(leaver.email());
            assertThat(data.path("manager").path("email").asText()).isEqualTo(manager.email());
            assertThat(data.path("lastWorkingDay").asText()).isEqualTo(lastDay.toString());
            // the job's day: today (or tomorrow, should the test run across midnight UTC)
            today = LocalDate.parse(data.path("escalatedOn").asText());
            assertThat(today).isBetween(started, LocalDate.now(ZoneOffset.UTC));
            days = ChronoUnit.DAYS.between(lastDay, today);
            assertThat(days).isGreaterThanOrEqualTo(DAYS_AGO);
            assertThat(data.path("daysOverdue").asLong()).isEqualTo(days);
            // the returns still pending, not the database that needs a new owner
            assertThat(data.path("pendingReturns").findValuesAsText("assetTag"))
                    .containsExactly(tag + "-A", tag + "-B");
            // each mail is this event's (its Message-ID is derived from the event's id)
            for (MimeMessage mail : List.of(ceo, cto)) {
                assertThat(mail.getMessageID())
                        .startsWith("<" + Events.header(event, "ce_id") + ".");
            }
        }

        for (MimeMessage mail : List.of(ceo, cto)) {
            assertThat(Mails.subject(mail))
                    .isEqualTo(
                            OVERDUE
                                    + leaver.name()
                                    + " has not returned 2 assets, "
                                    + days
                                    + " days after leaving");
            assertThat(Mails.text(mail))
                    .startsWith(
                            "OVERDUE RETURN: "
                                    + leaver.name()
                                    + " <"
                                    + leaver.email()
                                    + "> left on "
                                    + DAY.format(lastDay)
                                    + ", "
                                    + days
                                    + " days ago, and has not returned:\n"
                                    + "  - "
                                    + tag
                                    + "-A MacBook Pro 14 (laptop)\n"
                                    + "  - "
                                    + tag
                                    + "-B iPhone 15 (phone)\n")
                    .contains("Manager: " + manager.name() + " <" + manager.email() + ">")
                    .doesNotContain(tag + "-C");
        }
        assertThat(Mails.to(ceo)).containsExactly(CEO);
        assertThat(Mails.to(cto)).containsExactly(CTO);
        await().atMost(Duration.ofSeconds(30)).until(() -> chatMessagesAbout(leaver).size() == 1);
        assertThat(chatMessagesAbout(leaver).get(0).getBodyAsString()).contains(tag + "-A");

        leavers.offboarding(id)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("overdue", equalTo(true))
                .body("lastEscalatedOn", equalTo(today.toString()));

        // the job runs again and again, but the day's escalation was sent: nothing more, to anyone
        await().during(EVERY.multipliedBy(3))
                .atMost(EVERY.multipliedBy(6))
                .until(
                        () ->
                                leavers.mails(CEO, OVERDUE, leaver).size() == 1
                                        && leavers.mails(CTO, OVERDUE, leaver).size() == 1
                                        && leavers.mails(manager.email(), OVERDUE, leaver).isEmpty()
                                        && leavers.mails(leaver.email(), OVERDUE, leaver).isEmpty()
                                        && chatMessagesAbout(leaver).size() == 1);
    }

    private static List<LoggedRequest> chatMessagesAbout(Person leaver) {
        return custodian.receiver.findAll(postRequestedFor(urlEqualTo("/chat"))).stream()
                .filter(r -> r.getBodyAsString().contains(leaver.name()))
                .filter(r -> r.getBodyAsString().contains("Overdue"))
                .toList();
    }
}
