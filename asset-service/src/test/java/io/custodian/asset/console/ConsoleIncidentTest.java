package io.custodian.asset.console;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.signIn;
import static io.custodian.asset.console.ConsoleBrowser.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.custodian.asset.Api;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page every incident alert links to, in a real browser: the CEO signs in, records a
 * containment action and closes the incident, through the same operations as the API (the
 * incident's status, the outbox events). A closure over a change made meanwhile is the conflict
 * page and changes nothing; the reporter sees the page without its forms; another employee gets the
 * 404 page, and a role without the page's operation the 403 page.
 */
@QuarkusTest
class ConsoleIncidentTest extends BrowserTest {

    private static final String CASEY = "casey.console@example.com";
    private static final String CEO = "ceo@example.com";

    @Test
    void shouldLetTheCeoContainAndCloseTheIncidentTheAlertLinksTo() {
        String[] reported = stolenLaptop();
        String laptop = reported[0];
        String incident = reported[1];

        try (EventTap tap = new EventTap();
                BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            List<String> refused = new java.util.ArrayList<>();
            page.onConsoleMessage(message -> refused.add(message.text()));
            signIn(page, base, "/console/incident?id=" + incident, "Cora CEO");

            assertThat(page.getByTestId("status").textContent()).isEqualTo("open");
            assertThat(page.getByTestId("timeline").textContent()).contains("Reported", CASEY);
            page.getByLabel("What was done?").selectOption("remote-lock-requested");
            page.getByLabel("Note (needed for \"Other\")").fill("MDM lock sent");
            assertAccessible(page);
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("incident.png"))
                            .setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record action"))
                    .click();

            assertThat(page.url()).endsWith("/console/incident?id=" + incident + "&done=action");
            assertThat(page.getByTestId("done").textContent()).contains("contained");
            assertThat(page.getByTestId("status").textContent()).isEqualTo("contained");
            assertThat(page.getByTestId("timeline").textContent())
                    .contains("Remote lock requested", "MDM lock sent", CEO, "Contained");
            asAdmin()
                    .get("/api/v1/incidents/" + incident)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("contained"))
                    .body("timeline[1].action", equalTo("remote-lock-requested"))
                    .body("timeline[1].by", equalTo(CEO));

            page.getByLabel("Outcome").selectOption("closed");
            page.getByLabel("Note (optional)").fill("Written off; police informed");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close incident"))
                    .click();

            assertThat(page.getByTestId("status").textContent()).isEqualTo("closed");

            assertAccessible(page);
            assertThat(page.getByRole(AriaRole.BUTTON).count())
                    .as("a closed incident has no more forms")
                    .isZero();
            asAdmin()
                    .get("/api/v1/incidents/" + incident)
                    .then()
                    .body("status", equalTo("closed"))
                    .body("timeline[3].note", equalTo("Written off; police informed"));
            assertThat(tap.only(laptop, "asset.incident.contained").value()).contains(incident);
            assertThat(tap.only(laptop, "asset.incident.closed").value()).contains(incident);
            assertThat(refused).as("nothing refused by the Content-Security-Policy").isEmpty();
        }
    }

    @Test
    void shouldShowTheConflictPageWhenTheIncidentChangedSinceThePageWasOpened() {
        String incident = stolenLaptop()[1];
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/incident?id=" + incident, "Cora CEO");
            // meanwhile the CTO records an action through the API
            as("leadership", "cto@example.com")
                    .body(Map.of("action", "access-revoked"))
                    .post("/api/v1/incidents/" + incident + "/actions")
                    .then()
                    .statusCode(200);

            page.getByLabel("Outcome").selectOption("closed");
            Response closed = submit(page, "Close incident");

            assertThat(closed.status()).isEqualTo(412);
            assertThat(page.locator("h1").textContent()).isEqualTo("This changed meanwhile");
            assertAccessible(page);
            asAdmin()
                    .get("/api/v1/incidents/" + incident)
                    .then()
                    .body("status", equalTo("contained"));
        }
    }

    @Test
    void shouldShowAFieldErrorNextToTheField() {
        String incident = stolenLaptop()[1];
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/incident?id=" + incident, "Cora CEO");
            page.getByLabel("What was done?").selectOption("other");
            Response refused = submit(page, "Record action");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#note-error").textContent())
                    .isEqualTo("describe the action when it is other");
            assertAccessible(page);
            assertThat(page.getByLabel("Note (needed for \"Other\")").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            asAdmin().get("/api/v1/incidents/" + incident).then().body("status", equalTo("open"));
        }
    }

    @Test
    void shouldShowTheReporterTheIncidentWithoutItsFormsAndNobodyElseAtAll() {
        String incident = stolenLaptop()[1];
        try (BrowserContext casey = browser.phone();
                BrowserContext olive = browser.phone();
                BrowserContext auditor = browser.phone()) {
            Page reporter = casey.newPage();
            signIn(reporter, base, "/console/incident?id=" + incident, "Casey Console");
            assertThat(reporter.getByTestId("status").textContent()).isEqualTo("open");
            assertThat(reporter.getByRole(AriaRole.BUTTON).count()).isZero();
            assertAccessible(reporter);

            Page other = olive.newPage();
            other.navigate(ConsoleBrowser.url(base, "/console/incident?id=" + incident));
            Response notFound =
                    other.waitForResponse(
                            r -> r.url().endsWith("/console/incident?id=" + incident),
                            () ->
                                    other.getByRole(
                                                    AriaRole.BUTTON,
                                                    new Page.GetByRoleOptions()
                                                            .setName(
                                                                    java.util.regex.Pattern.compile(
                                                                            "Sign in as Olive")))
                                            .click());
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(other.locator("h1").textContent()).isEqualTo("Not found");
            assertAccessible(other);
            assertThat(other.content()).doesNotContain(CASEY);

            Page ada = auditor.newPage();
            signIn(ada, base, "/console/incident?id=" + incident, "Ada Auditor");
            assertThat(ada.getByTestId("status").textContent()).isEqualTo("open");
            Response forbidden = ada.navigate(ConsoleBrowser.url(base, "/console/report-loss"));
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.headerValue("content-type")).startsWith("text/html");
            assertThat(ada.locator("h1").textContent()).isEqualTo("You can't open this page");
            assertAccessible(ada);
        }
    }

    @Test
    void shouldListWhatStillWaitsAndLeadFromTheQueueToTheIncident() {
        String[] reported = stolenLaptop();
        String incident = reported[1];
        String tag =
                asAdmin().get("/api/v1/assets/" + reported[0]).then().extract().path("assetTag");
        try (BrowserContext ceo = browser.phone();
                BrowserContext olive = browser.phone()) {
            Page page = ceo.newPage();
            signIn(page, base, "/console/incidents", "Cora CEO");
            var card =
                    page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName(tag + " MacBook Pro 14: stolen"));
            assertThat(card.isVisible()).isTrue();
            assertAccessible(page);
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("incidents.png"))
                            .setFullPage(true));
            card.click();
            assertThat(page.url()).endsWith("/console/incident?id=" + incident);

            as("leadership", "cto@example.com")
                    .body(Map.of("action", "access-revoked"))
                    .post("/api/v1/incidents/" + incident + "/actions")
                    .then()
                    .statusCode(200);
            as("leadership", "cto@example.com")
                    .header("If-Match", "*")
                    .body(Map.of("outcome", "closed"))
                    .post("/api/v1/incidents/" + incident + "/closure")
                    .then()
                    .statusCode(200);
            page.navigate(ConsoleBrowser.url(base, "/console/incidents"));
            assertThat(page.getByText(tag + " MacBook Pro 14: stolen").count())
                    .as("a closed incident no longer waits")
                    .isZero();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Closed")).click();
            assertThat(page.getByText(tag + " MacBook Pro 14: stolen").isVisible()).isTrue();

            Page other = olive.newPage();
            signIn(other, base, "/console/incidents", "Olive Other");
            assertThat(other.locator("h1").textContent()).isEqualTo("My reports");
            assertThat(other.content()).doesNotContain(incident).doesNotContain(tag);
        }
    }

    @Test
    void shouldSendAFormPostedAfterTheSessionEndedToSignInRatherThanBlockIt() {
        String incident = stolenLaptop()[1];
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            List<String> refused = new java.util.ArrayList<>();
            page.onConsoleMessage(
                    message -> {
                        if (message.text().contains("Content Security Policy")) {
                            refused.add(message.text());
                        }
                    });
            signIn(page, base, "/console/incident?id=" + incident, "Cora CEO");
            // the session ends while the page is open (expired, or signed out in another tab)
            phone.clearCookies(new BrowserContext.ClearCookiesOptions().setName("q_session"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record action"))
                    .click();

            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions()
                                    .setName(
                                            java.util.regex.Pattern.compile("Sign in as Cora CEO")))
                    .waitFor();
            assertThat(refused).as("the redirect to sign in is not refused by the CSP").isEmpty();
            asAdmin().get("/api/v1/incidents/" + incident).then().body("status", equalTo("open"));
        }
    }

    /** Casey's laptop, reported stolen through the API: its id and the incident's. */
    private static String[] stolenLaptop() {
        String casey = ConsoleBrowser.person(CASEY, "Casey Console");
        String laptop = Api.createAsset(unique("LT"), "person", casey);
        String incident =
                as("employee", CASEY)
                        .body(
                                Map.of(
                                        "assetId",
                                        laptop,
                                        "kind",
                                        "stolen",
                                        "occurredAt",
                                        TestClock.now().minus(20, ChronoUnit.MINUTES).toString(),
                                        "location",
                                        "Train to York"))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return new String[] {laptop, incident};
    }
}
