package io.custodian.asset.console;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.signIn;
import static io.custodian.asset.console.ConsoleBrowser.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page an exception request's alert links to, in a real browser: the CEO approves it in one
 * step with a note, through the same decision as the API; a refused decision shows the API's field
 * error next to the field; leadership never decides its own request (no form, and a forged post is
 * the 403 page), and a request already decided is the conflict page.
 */
@QuarkusTest
class ConsolePolicyTest extends BrowserTest {

    private static final String CASEY = "casey.console@example.com";

    @Test
    void shouldLetTheCeoApproveARequestInOneStep() {
        ConsoleBrowser.person(CASEY, "Casey Console");
        String wanted = TestClock.today().plusDays(20).toString();
        String id = request(CASEY, wanted);

        try (EventTap tap = new EventTap();
                BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/exception?id=" + id, "Cora CEO");
            assertThat(page.getByTestId("status").textContent()).isEqualTo("requested");
            assertThat(page.getByTestId("justification").textContent())
                    .isEqualTo("Working from the customer's site for three weeks.");
            assertThat(page.getByLabel("Valid until (when approving)").inputValue())
                    .isEqualTo(wanted);
            page.getByLabel("Note to the requester").fill("Approved; keep the disk encrypted.");
            assertAccessible(page);
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("exception.png"))
                            .setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();

            assertThat(page.getByTestId("done").textContent()).contains("approved");
            assertThat(page.getByTestId("status").textContent()).isEqualTo("approved");
            assertThat(page.getByRole(AriaRole.BUTTON).count()).isZero();
            assertAccessible(page);
            asAdmin()
                    .get("/api/v1/exceptions/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("approved"))
                    .body("validUntil", equalTo(wanted))
                    .body("decidedBy.email", equalTo("ceo@example.com"))
                    .body("decisionNote", equalTo("Approved; keep the disk encrypted."));
            assertThat(tap.only(id, "policy.exception.decided").value()).contains("approved");
        }
    }

    @Test
    void shouldShowTheApisFieldErrorAndDecideNothing() {
        ConsoleBrowser.person(CASEY, "Casey Console");
        String id = request(CASEY, TestClock.today().plusDays(10).toString());
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/exception?id=" + id, "Cora CEO");
            page.getByLabel("Valid until (when approving)")
                    .fill(TestClock.today().plusDays(30).toString());
            page.getByLabel("Note to the requester").fill("Longer than asked");
            Response refused = submit(page, "Decide");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#validUntil-error").textContent())
                    .startsWith("must not be after the wanted date");
            assertThat(page.getByLabel("Note to the requester").inputValue())
                    .isEqualTo("Longer than asked");
            assertAccessible(page);
        }
        asAdmin().get("/api/v1/exceptions/" + id).then().body("status", equalTo("requested"));
    }

    @Test
    void shouldNeverLetLeadershipDecideItsOwnRequestNorDecideTwice() {
        String own = request("cto@example.com", TestClock.today().plusDays(5).toString());
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/exception?id=" + own, "Theo CTO");
            assertThat(page.getByTestId("status").textContent()).isEqualTo("requested");
            assertThat(page.getByRole(AriaRole.BUTTON).count())
                    .as("no decision form on one's own request")
                    .isZero();
            // a forged post, with the session's CSRF token
            String token =
                    phone.cookies().stream()
                            .filter(c -> c.name.equals("csrf-token"))
                            .findFirst()
                            .orElseThrow()
                            .value;
            var forged =
                    page.request()
                            .post(
                                    ConsoleBrowser.url(
                                            base, "/console/exception/decision?id=" + own),
                                    RequestOptions.create()
                                            .setForm(
                                                    FormData.create()
                                                            .set("csrf-token", token)
                                                            .set("decision", "approve")
                                                            .set("note", "Mine")));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.text()).contains("You can't open this page");
        }
        asAdmin().get("/api/v1/exceptions/" + own).then().body("status", equalTo("requested"));

        String decided = request(CASEY, TestClock.today().plusDays(5).toString());
        try (BrowserContext cora = browser.phone()) {
            Page page = cora.newPage();
            signIn(page, base, "/console/exception?id=" + decided, "Cora CEO");
            as("leadership", "cto@example.com")
                    .body(Map.of("decision", "reject", "note", "No."))
                    .post("/api/v1/exceptions/" + decided + "/decision")
                    .then()
                    .statusCode(200);
            page.getByLabel("Note to the requester").fill("Yes.");
            Response conflict = submit(page, "Decide");
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(page.locator("h1").textContent()).isEqualTo("This changed meanwhile");
            assertAccessible(page);
        }
        asAdmin().get("/api/v1/exceptions/" + decided).then().body("status", equalTo("rejected"));
    }

    @Test
    void shouldLetLeadershipAcknowledgeAndCloseAViolationReport() {
        ConsoleBrowser.person(CASEY, "Casey Console");
        String id =
                as("employee", CASEY)
                        .body(
                                Map.of(
                                        "clause",
                                        "acceptable_use",
                                        "description",
                                        "A shared password on a sticky note at desk 4.",
                                        "occurredAt",
                                        TestClock.now().minusSeconds(3600).toString()))
                        .post("/api/v1/violations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        try (EventTap tap = new EventTap();
                BrowserContext ceo = browser.phone();
                BrowserContext reporter = browser.phone()) {
            Page page = ceo.newPage();
            signIn(page, base, "/console/violation?id=" + id, "Cora CEO");
            assertThat(page.getByTestId("description").textContent())
                    .isEqualTo("A shared password on a sticky note at desk 4.");
            assertAccessible(page);
            page.getByLabel("Note (optional)").fill("Talking to the team today");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge"))
                    .click();
            assertThat(page.getByTestId("status").textContent()).isEqualTo("acknowledged");

            Response refused = submit(page, "Close");
            assertThat(refused.status()).as("an outcome is required").isEqualTo(422);
            assertThat(page.locator("#outcome-error").textContent()).isNotBlank();
            assertAccessible(page);
            page.getByLabel("Outcome", new Page.GetByLabelOptions().setExact(true))
                    .fill("Password changed; reminder sent to all");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();
            assertThat(page.getByTestId("status").textContent()).isEqualTo("closed");
            assertThat(page.getByRole(AriaRole.BUTTON).count()).isZero();

            asAdmin()
                    .get("/api/v1/violations/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("closed"))
                    .body("acknowledgedBy.email", equalTo("ceo@example.com"))
                    .body("outcome", equalTo("Password changed; reminder sent to all"));
            assertThat(tap.only(id, "policy.violation.closed").value())
                    .contains("Password changed");

            Page casey = reporter.newPage();
            signIn(casey, base, "/console/violation?id=" + id, "Casey Console");
            assertThat(casey.getByTestId("status").textContent()).isEqualTo("closed");
            assertThat(casey.getByRole(AriaRole.BUTTON).count()).isZero();
            assertAccessible(casey);
        }
    }

    private static String request(String email, String wantedUntil) {
        return as("employee", email)
                .body(
                        Map.of(
                                "clause",
                                "handling",
                                "justification",
                                "Working from the customer's site for three weeks.",
                                "assetIds",
                                List.of(),
                                "wantedUntil",
                                wantedUntil))
                .post("/api/v1/exceptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
