package io.custodian.asset.console;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.signIn;
import static io.custodian.asset.console.ConsoleBrowser.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.custodian.asset.Api;
import io.custodian.asset.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser (Debian's chromium, headless, a 390×844 phone viewport): an
 * employee signs in through the OpenID Connect provider's sign-in page, finds their laptop on "My
 * assets", reports it stolen and sees the incident number; the incident is the API's, and its event
 * left through the outbox. An employee cannot open someone else's asset (404), a form posted
 * without the CSRF token is refused, and a visit without a session is sent to sign in.
 */
@QuarkusTest
class ConsoleLossReportTest extends BrowserTest {

    private static final String CASEY = "casey.console@example.com";
    private static final String OLIVE = "olive.other@example.com";

    @Test
    void shouldLetAnEmployeeReportTheirLaptopStolenFromTheirPhone() {
        String casey = ConsoleBrowser.person(CASEY, "Casey Console");
        String tag = unique("LT");
        String laptop = Api.createAsset(tag, "person", casey);

        try (EventTap tap = new EventTap();
                BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            List<String> refused = new java.util.ArrayList<>();
            page.onConsoleMessage(message -> refused.add(message.text()));
            signIn(page, base, "/console/assets", "Casey Console");

            assertThat(page.url()).endsWith("/console/assets");
            assertThat(page.getByTestId("who").textContent()).isEqualTo(CASEY);
            assertThat(
                            page.getByRole(
                                            AriaRole.LINK,
                                            new Page.GetByRoleOptions()
                                                    .setName(tag + " · MacBook Pro 14"))
                                    .isVisible())
                    .isTrue();
            assertAccessible(page);
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("my-assets.png"))
                            .setFullPage(true));

            page.navigate(ConsoleBrowser.url(base, "/console/report-loss?asset=" + laptop));
            assertThat(page.getByLabel("Which asset?").inputValue()).isEqualTo(laptop);
            page.getByLabel("Stolen").check();
            page.getByLabel("Where? (optional)").fill("Train to York");
            // the service's own stylesheet, under its CSP: touch targets of at least 44 px
            APIResponse css =
                    page.request().get(ConsoleBrowser.url(base, "/console-static/console.css"));
            assertThat(css.status()).as(css.headers() + css.text()).isEqualTo(200);
            var submit =
                    page.getByRole(
                            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report it"));
            assertThat(submit.boundingBox().height).isGreaterThanOrEqualTo(44);
            assertThat(page.getByLabel("Which asset?").boundingBox().height)
                    .isGreaterThanOrEqualTo(44);
            assertAccessible(page);
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("report-loss.png"))
                            .setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report it"))
                    .click();

            String incident = page.getByTestId("incident-number").textContent().trim();
            assertThat(page.getByTestId("alerted").textContent()).contains("CEO and the CTO");
            assertThat(refused).as("nothing refused by the Content-Security-Policy").isEmpty();
            assertAccessible(page);
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("reported.png"))
                            .setFullPage(true));

            asAdmin()
                    .get("/api/v1/incidents/" + incident)
                    .then()
                    .statusCode(200)
                    .body("kind", org.hamcrest.Matchers.equalTo("stolen"))
                    .body("asset.id", org.hamcrest.Matchers.equalTo(laptop))
                    .body("location", org.hamcrest.Matchers.equalTo("Train to York"))
                    .body("reportedBy", org.hamcrest.Matchers.equalTo(CASEY));
            asAdmin()
                    .get("/api/v1/assets/" + laptop)
                    .then()
                    .body("status", org.hamcrest.Matchers.equalTo("stolen"));
            EventTap.Event event = tap.only(laptop, "asset.incident.reported");
            assertThat(event.value()).contains(incident);
        }
    }

    @Test
    void shouldShowWhatMyGroupsOwnAndConfirmInOneTapThatIStillHaveIt() {
        String casey = ConsoleBrowser.person(CASEY, "Casey Console");
        String team = Api.createGroup(unique("Casey's team"));
        asAdmin().put("/api/v1/groups/" + team + "/members/" + casey).then().statusCode(200);
        String groupTag = unique("MON");
        String monitor = Api.createAsset(groupTag, "group", team);
        String tag = unique("LT");
        String laptop = Api.createAsset(tag, "person", casey);
        String before =
                asAdmin()
                        .get("/api/v1/assets/" + laptop)
                        .then()
                        .extract()
                        .path("nextVerificationDue");

        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/assets", "Casey Console");
            assertThat(page.getByText(groupTag + " · MacBook Pro 14").isVisible())
                    .as("an asset Casey's group owns is on My assets")
                    .isTrue();
            var confirm =
                    page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("I still have it: " + tag));
            assertThat(confirm.boundingBox().height).isGreaterThanOrEqualTo(44);
            confirm.click();

            assertThat(page.url()).endsWith("/console/assets?confirmed=" + laptop);
            assertThat(page.getByTestId("done").textContent())
                    .contains(tag + " is confirmed as still with you");
        }
        asAdmin()
                .get("/api/v1/assets/" + laptop)
                .then()
                .statusCode(200)
                .body("lastVerifiedAt", org.hamcrest.Matchers.notNullValue())
                .body("nextVerificationDue", org.hamcrest.Matchers.not(before));
        asAdmin()
                .get("/api/v1/assets/" + monitor)
                .then()
                .body("lastVerifiedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldFlagToItInOneTapThatIDontHaveAnAsset() {
        String casey = ConsoleBrowser.person(CASEY, "Casey Console");
        String tag = unique("LT");
        String laptop = Api.createAsset(tag, "person", casey);

        try (EventTap tap = new EventTap();
                BrowserContext phone = browser.phone();
                BrowserContext desk = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/assets", "Casey Console");
            var flag =
                    page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("I don't have this: " + tag));
            assertThat(flag.boundingBox().height).isGreaterThanOrEqualTo(44);
            flag.click();

            assertThat(page.url()).endsWith("/console/assets?flagged=" + laptop);
            assertThat(page.getByTestId("done").textContent())
                    .contains("IT is told that you don't have " + tag);
            assertThat(page.getByTestId("discrepancy").textContent())
                    .contains("You said you don't have it");
            assertThat(flag.count()).as("no second flag while the first is open").isZero();
            assertAccessible(page);
            assertThat(tap.only(laptop, "asset.discrepancy.reported").value()).contains(CASEY);

            // IT sees it on the asset's page, the page the alert links to
            Page it = desk.newPage();
            signIn(it, base, "/console/assets/" + laptop, "Iris IT admin");
            assertThat(it.getByTestId("discrepancy").textContent())
                    .contains(CASEY + " says they don't have it");
            assertAccessible(it);
        }
    }

    @Test
    void shouldReportAPersonalDeviceWithCompanyAccess() {
        ConsoleBrowser.person(CASEY, "Casey Console");
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/report-loss", "Casey Console");
            page.getByLabel("Which asset?").selectOption("personal");
            page.getByLabel("Stolen").check();
            Response refused = submit(page, "Report it");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#deviceDescription-error").textContent())
                    .isEqualTo("describe the device (make, model, colour)");
            assertThat(page.getByLabel("Which asset?").inputValue()).isEqualTo("personal");
            assertAccessible(page);

            page.getByLabel("What kind of device?").selectOption("phone");
            page.getByLabel("Describe it (make, model, colour)")
                    .fill("Black iPhone 15, work e-mail on it");
            page.getByLabel("Stolen").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report it"))
                    .click();

            String incident = page.getByTestId("incident-number").textContent().trim();
            assertThat(page.locator(".done").textContent())
                    .contains("Your personal phone is now recorded as stolen");
            asAdmin()
                    .get("/api/v1/incidents/" + incident)
                    .then()
                    .statusCode(200)
                    .body("kind", org.hamcrest.Matchers.equalTo("stolen"))
                    .body("device.type", org.hamcrest.Matchers.equalTo("phone"))
                    .body(
                            "device.description",
                            org.hamcrest.Matchers.equalTo("Black iPhone 15, work e-mail on it"))
                    .body("reportedBy", org.hamcrest.Matchers.equalTo(CASEY));
        }
    }

    @Test
    void shouldLetAnEmployeeReadAndAcknowledgeTheCurrentRules() {
        ConsoleBrowser.person(CASEY, "Casey Console");
        String version = Api.publishAcceptableUse();
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/acceptable-use", "Casey Console");
            assertThat(page.getByTestId("rules").textContent()).isEqualTo("Lock your screen.");
            assertThat(page.getByTestId("acknowledged").count()).isZero();
            assertAccessible(page);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions()
                                    .setName("I have read these rules and accept them"))
                    .click();

            assertThat(page.getByTestId("done").textContent()).contains("version " + version);
            assertThat(page.getByTestId("acknowledged").textContent())
                    .startsWith("You acknowledged this version on");
            assertThat(page.getByRole(AriaRole.BUTTON).count()).isZero();
        }
        Api.as("employee", CASEY)
                .get("/api/v1/acceptable-use/current")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(version))
                .body("acknowledgedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldShowTheApisFieldErrorNextToTheField() {
        String casey = ConsoleBrowser.person(CASEY, "Casey Console");
        String laptop = Api.createAsset(unique("LT"), "person", casey);
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/report-loss?asset=" + laptop, "Casey Console");
            page.getByLabel("Lost").check();
            page.getByLabel("When did it happen?").fill("2999-01-01T10:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report it"))
                    .click();

            assertThat(page.locator("#occurredAt-error").textContent())
                    .isEqualTo("must not be in the future");
            assertThat(page.getByLabel("When did it happen?").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertAccessible(page);
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("report-loss-invalid.png"))
                            .setFullPage(true));
            asAdmin()
                    .get("/api/v1/assets/" + laptop)
                    .then()
                    .body("status", org.hamcrest.Matchers.equalTo("in_stock"));
        }
    }

    @Test
    void shouldNotShowAnotherEmployeesAsset() {
        ConsoleBrowser.person(CASEY, "Casey Console");
        String olive = ConsoleBrowser.person(OLIVE, "Olive Other");
        String theirs = Api.createAsset(unique("LT"), "person", olive);
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/assets", "Casey Console");
            Response response =
                    page.navigate(ConsoleBrowser.url(base, "/console/assets/" + theirs));
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.textContent("h1")).isEqualTo("Not found");
            assertThat(page.content()).doesNotContain(theirs.substring(0, 8) + "-");
        }
    }

    @Test
    void shouldRefuseAFormPostedWithoutItsCsrfToken() {
        String casey = ConsoleBrowser.person(CASEY, "Casey Console");
        String laptop = Api.createAsset(unique("LT"), "person", casey);
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/report-loss", "Casey Console");
            // the session cookie goes along (same browser context); the form's token does not
            APIResponse response =
                    page.request()
                            .post(
                                    ConsoleBrowser.url(base, "/console/report-loss"),
                                    RequestOptions.create()
                                            .setForm(
                                                    FormData.create()
                                                            .set("assetId", laptop)
                                                            .set("kind", "lost")
                                                            .set(
                                                                    "occurredAt",
                                                                    "2026-01-01T10:00")));
            assertThat(response.status()).isEqualTo(400);
            asAdmin()
                    .get("/api/v1/assets/" + laptop)
                    .then()
                    .body("status", org.hamcrest.Matchers.equalTo("in_stock"));
        }
    }

    @Test
    void shouldSendAVisitWithoutASessionToSignIn() {
        try (BrowserContext phone = browser.phone()) {
            APIResponse response =
                    phone.request()
                            .get(
                                    ConsoleBrowser.url(base, "/console/assets"),
                                    RequestOptions.create().setMaxRedirects(0));
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.headers().get("location"))
                    .contains("/custodian/authorize")
                    .contains("client_id=custodian")
                    .contains("response_type=code");
            Page page = phone.newPage();
            page.navigate(ConsoleBrowser.url(base, "/console/assets"));
            assertThat(
                            page.getByRole(
                                            AriaRole.BUTTON,
                                            new Page.GetByRoleOptions()
                                                    .setName(
                                                            java.util.regex.Pattern.compile(
                                                                    "Sign in as Casey Console")))
                                    .isVisible())
                    .isTrue();
            assertAccessible(page);
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("sign-in.png"))
                            .setFullPage(true));
        }
    }

    @Test
    void shouldKeepTheSessionInAnHttpOnlyLaxCookieAndEndItOnSignOut() {
        ConsoleBrowser.person(CASEY, "Casey Console");
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/assets", "Casey Console");
            com.microsoft.playwright.options.Cookie session =
                    phone.cookies().stream()
                            .filter(cookie -> cookie.name.equals("q_session"))
                            .findFirst()
                            .orElseThrow();
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite)
                    .isEqualTo(com.microsoft.playwright.options.SameSiteAttribute.LAX);
            assertThat(session.path).isEqualTo("/console");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(
                    "**/console-static/signed-out.html*",
                    new Page.WaitForURLOptions().setTimeout(5000));
            assertThat(page.textContent("h1")).isEqualTo("Signed out");
            assertThat(phone.cookies().stream().map(cookie -> cookie.name))
                    .doesNotContain("q_session");

            APIResponse again =
                    phone.request()
                            .get(
                                    ConsoleBrowser.url(base, "/console/assets"),
                                    RequestOptions.create().setMaxRedirects(0));
            assertThat(again.status()).isEqualTo(302);
            assertThat(again.headers().get("location")).contains("/custodian/authorize");
        }
    }
}
