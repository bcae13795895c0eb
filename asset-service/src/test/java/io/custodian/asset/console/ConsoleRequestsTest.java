package io.custodian.asset.console;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.assertFitsNarrowPhone;
import static io.custodian.asset.console.ConsoleBrowser.follow;
import static io.custodian.asset.console.ConsoleBrowser.opened;
import static io.custodian.asset.console.ConsoleBrowser.press;
import static io.custodian.asset.console.ConsoleBrowser.signedIn;
import static io.custodian.asset.console.ConsoleBrowser.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.custodian.asset.Api;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An employee's requests in the console, the API's operations: an exception request and a violation
 * report, each refused next to its field with the API's reason and then sent, and "My reports and
 * requests" showing them with their loss reports and each one's status. Roles that may not send
 * them get the 403 page.
 */
@QuarkusTest
class ConsoleRequestsTest extends BrowserTest {

    private static final String CASEY = "casey.console@example.com";

    @Test
    void shouldRequestAnExceptionReportAViolationAndFollowBoth() {
        ConsoleBrowser.person(CASEY, "Casey Console");
        String justification = Api.unique("Conference demo on my own tablet");
        String description = Api.unique("A laptop left unlocked in the lobby");
        ConsoleBrowser.reportedPersonalDevice(CASEY, "phone", "Black Pixel 8", "lost");

        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/my-reports", "Casey Console");
            assertThat(page.getByText("Personal phone: lost").count()).isGreaterThan(0);
            follow(page, "Request an exception");
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            page.getByLabel("Which rule?").selectOption("acceptable_use");
            page.getByLabel("Why do you need the exception?").fill(justification);
            page.getByLabel("Until when?").fill(TestClock.today().toString());
            Response refused = submit(page, "Send the request");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#wantedUntil-error").textContent()).contains("after today");
            assertThat(page.getByLabel("Why do you need the exception?").inputValue())
                    .isEqualTo(justification);
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            page.getByLabel("Until when?").fill(TestClock.today().plusDays(30).toString());
            press(page, "Send the request");
            assertThat(page.url()).endsWith("/console/my-reports?sent=exception");
            assertThat(page.getByTestId("exception-status").first().textContent())
                    .isEqualTo("requested");

            follow(page, "Report a violation");
            Response blank = submit(page, "Send the report");
            assertThat(blank.status()).isEqualTo(422);
            assertThat(page.locator("#description-error").textContent()).isNotBlank();
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            page.getByLabel("What happened?").fill(description);
            page.getByLabel("Who? Their e-mail").fill("someone.else@example.com");
            press(page, "Send the report");
            assertThat(page.url()).endsWith("/console/my-reports?sent=violation");
            assertThat(page.getByTestId("violation-status").first().textContent())
                    .isEqualTo("reported");
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            ConsoleBrowser.screenshot(page, "my-reports");
        }
        as("leadership", "ceo@example.com")
                .get("/api/v1/exceptions?requester=" + CASEY)
                .then()
                .statusCode(200)
                .body("items[0].justification", equalTo(justification))
                .body("items[0].clause", equalTo("acceptable_use"))
                .body("items[0].status", equalTo("requested"));
        as("leadership", "ceo@example.com")
                .get("/api/v1/violations?reporter=" + CASEY)
                .then()
                .statusCode(200)
                .body("items.description", hasItem(description))
                .body("items[0].personReference", equalTo("someone.else@example.com"));
    }

    @Test
    void shouldKeepRolesThatMayNotSendThemOut() {
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/incidents", "Ada Auditor");
            assertThat(opened(page, base, "/console/request-exception")).isEqualTo(403);
            assertThat(opened(page, base, "/console/report-violation")).isEqualTo(403);
            assertAccessible(page);
            assertFitsNarrowPhone(page);
        }
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/offboardings", "Hana HR");
            assertThat(opened(page, base, "/console/my-reports")).isEqualTo(403);
        }
    }
}
