package io.custodian.e2e;

import static io.custodian.e2e.LossReports.CEO;
import static io.custodian.e2e.LossReports.CTO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A.6.8 end to end, from the worker's real deliveries: a loss report whose alerts the SMTP server
 * accepted passes, with the Message-IDs the CEO and the CTO received as its evidence; one whose
 * alerts the SMTP server held back (down) past the SLA fails with that incident, and once the
 * alerts went out late it still fails, now with the actual time each was delivered.
 */
class EventReportingTest {

    /** A.6.8's SLA in this harness (5 minutes in production). */
    static final Duration SLA = Duration.ofSeconds(3);

    private static Custodian custodian;
    private static LossReports reports;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM =
            context -> {
                custodian = Custodian.get(context);
                reports = new LossReports(custodian);
            };

    @BeforeEach
    @AfterEach
    void everythingUp() {
        custodian.mail.start();
        custodian.startWorker();
    }

    @Test
    void shouldPassOnTimeAlertsAndFailHeldBackOnesWithTheActualTime() {
        String group = group();

        // SMTP up: both alerts within the SLA
        String onTime = LossReports.newTag();
        String onTimeIncident = report(group, onTime);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                reports.alerted(CEO, List.of(onTime)) == 1
                                        && reports.alerted(CTO, List.of(onTime)) == 1);
        MimeMessage ceoMail = reports.alerts(CEO, onTime).get(0);
        Custodian.sleep(SLA.plusSeconds(1).toMillis());
        JsonPath passing = control(group, "&sample=1&seed=e2e");
        assertThat(passing.getList("failingItems.id")).doesNotContain(onTimeIncident);
        assertThat(passing.getString("sample.items[0].id")).isEqualTo(onTimeIncident);
        assertThat(passing.getList("sample.items[0].evidence.detail", String.class))
                .anySatisfy(
                        d ->
                                assertThat(d)
                                        .contains("email to ceo " + CEO)
                                        .contains(LossReports.messageId(ceoMail)));

        // SMTP down: the alerts are held back past the SLA
        custodian.mail.stop();
        String heldBack = LossReports.newTag();
        String heldBackIncident = report(group, heldBack);
        Custodian.sleep(SLA.plusSeconds(1).toMillis());
        JsonPath held = control(group, "");
        assertThat(held.getString("status")).isEqualTo("failing");
        assertThat(held.getList("failingItems.id")).containsExactly(heldBackIncident);
        assertThat(held.getList("failingItems[0].reasons", String.class))
                .containsExactly(
                        "ceo not notified within " + SLA.toSeconds() + " s",
                        "cto not notified within " + SLA.toSeconds() + " s");

        // SMTP back: the alerts go out late, and the control says when
        custodian.mail.start();
        Instant back = Instant.now();
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                reports.alerted(CEO, List.of(heldBack)) == 1
                                        && reports.alerted(CTO, List.of(heldBack)) == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                control(group, "")
                                        .getList("failingItems[0].reasons", String.class)
                                        .stream()
                                        .allMatch(
                                                r ->
                                                        r.contains(" notified ")
                                                                && r.contains(
                                                                        " s after the report (")));
        JsonPath late = control(group, "");
        assertThat(late.getList("failingItems.id")).containsExactly(heldBackIncident);
        assertThat(late.getString("failingItems[0].reasons[0]"))
                .startsWith("ceo notified ")
                .contains(LossReports.messageId(reports.alerts(CEO, heldBack).get(0)));
        System.out.printf(
                "A.6.8: on-time report passing; held-back report failing, then delivered %d ms"
                        + " after SMTP was back: %s%n",
                Duration.between(back, Instant.now()).toMillis(),
                late.getList("failingItems[0].reasons"));
    }

    /** A group of its own, to narrow the control to this test's reports. */
    private String group() {
        return admin().body(
                        Map.of(
                                "name",
                                "A.6.8 " + UUID.randomUUID(),
                                "contactEmail",
                                "team@example.com"))
                .post("/api/v1/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A laptop the group owns, reported stolen by its owner's member; returns the incident. */
    private String report(String group, String tag) {
        reports.createLaptop(tag);
        String asset =
                admin().get("/api/v1/assets?assetTag=" + tag).then().extract().path("items[0].id");
        String owner = admin().get("/api/v1/assets/" + asset).then().extract().path("owner.id");
        admin().put("/api/v1/groups/" + group + "/members/" + owner).then().statusCode(200);
        return reports.reportStolen(tag);
    }

    private static JsonPath control(String group, String more) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token("auditor", "auditor@example.com"))
                .get("/api/v1/compliance/controls/A.6.8?group=" + group + more)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static RequestSpecification admin() {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token("asset-admin", "it@example.com"))
                .contentType(ContentType.JSON);
    }
}
