package io.custodian.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console end to end, in Debian's chromium on a phone-sized screen, against both packaged
 * services, the real OpenID Connect provider and the real SMTP sink: an employee signs in and
 * reports their laptop stolen; the CEO's and the CTO's inboxes each get one alert whose link opens
 * that incident; the CEO follows it, signs in, records a containment action and closes it.
 */
class ConsoleAlertLinkTest {

    private static final String EMPLOYEE = "alex@example.com";

    @RegisterExtension
    static final org.junit.jupiter.api.extension.BeforeAllCallback SYSTEM =
            context -> custodian = Custodian.get(context);

    private static Custodian custodian;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                                        .setArgs(List.of("--no-sandbox"))
                                        .setHeadless(true));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void shouldLeadTheCeoFromTheAlertToTheIncidentToContainAndCloseIt() throws Exception {
        String tag = "CL-" + UUID.randomUUID().toString().substring(0, 8);
        String laptop = new LossReports(custodian).createLaptop(tag, EMPLOYEE, "Alex Employee");

        String incident;
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            signIn(page, "/console/report-loss?asset=" + laptop, "Alex Employee");
            page.getByLabel("Stolen").check();
            page.getByLabel("Where? (optional)").fill("Train to York");
            Instant submitted = Instant.now();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report it"))
                    .click();
            incident = page.getByTestId("incident-number").textContent().trim();

            List<MimeMessage> ceo = awaitAlerts("ceo@example.com", tag);
            List<MimeMessage> cto = awaitAlerts("cto@example.com", tag);
            System.out.printf(
                    "console report submitted -> both leadership e-mails in the SMTP inbox: %d"
                            + " ms%n",
                    Duration.between(submitted, Instant.now()).toMillis());
            for (List<MimeMessage> inbox : List.of(ceo, cto)) {
                assertThat(inbox).hasSize(1);
                assertThat(link(inbox.get(0)))
                        .isEqualTo(custodian.assetService + "/console/incident?id=" + incident);
            }
        }

        String link = link(awaitAlerts("ceo@example.com", tag).get(0));
        try (BrowserContext ceoPhone = phone()) {
            Page page = ceoPhone.newPage();
            page.navigate(link);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions()
                                    .setName(Pattern.compile("Sign in as Cora CEO")))
                    .click();
            page.waitForURL(link);
            assertThat(page.getByTestId("incident-number").textContent()).isEqualTo(incident);
            assertThat(page.getByTestId("status").textContent()).isEqualTo("open");

            page.getByLabel("What was done?").selectOption("remote-wipe-requested");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record action"))
                    .click();
            assertThat(page.getByTestId("status").textContent()).isEqualTo("contained");
            page.getByLabel("Outcome").selectOption("closed");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close incident"))
                    .click();
            assertThat(page.getByTestId("status").textContent()).isEqualTo("closed");
        }
        as("asset-admin", "it@example.com")
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("timeline[1].action", equalTo("remote-wipe-requested"))
                .body("timeline[1].by", equalTo("ceo@example.com"));
        // the containment and the closure reach leadership too, each once, with the same link
        await().atMost(Custodian.ALERT_BOUND)
                .untilAsserted(() -> assertThat(alerts("ceo@example.com", tag)).hasSize(3));
        assertThat(alerts("ceo@example.com", tag))
                .extracting(ConsoleAlertLinkTest::link)
                .containsOnly(link);
    }

    /** The one console link in the alert's text. */
    private static String link(MimeMessage message) {
        Matcher links = Pattern.compile("https?://\\S+/console/\\S+").matcher(Mails.text(message));
        assertThat(links.find()).as("a console link in " + Mails.text(message)).isTrue();
        String link = links.group();
        assertThat(links.find()).as("only one console link").isFalse();
        return link;
    }

    private static List<MimeMessage> alerts(String to, String tag) {
        return custodian.mail.messagesTo(to).stream()
                .filter(m -> Mails.subject(m).contains(tag))
                .toList();
    }

    private static List<MimeMessage> awaitAlerts(String to, String tag) {
        await().atMost(Custodian.ALERT_BOUND).until(() -> !alerts(to, tag).isEmpty());
        return alerts(to, tag);
    }

    private static RequestSpecification as(String role, String email) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token(role, email))
                .contentType(ContentType.JSON);
    }

    private BrowserContext phone() {
        return browser.newContext(
                new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setHasTouch(true)
                        .setIsMobile(true));
    }

    private static void signIn(Page page, String path, String who) {
        page.navigate(custodian.assetService + path);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(Pattern.compile("Sign in as " + who)))
                .click();
        page.waitForURL(custodian.assetService + path);
    }
}
