package io.custodian.asset.console;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.opened;
import static io.custodian.asset.console.ConsoleBrowser.signedIn;
import static io.custodian.asset.console.ConsoleBrowser.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.custodian.asset.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Check-out and check-in in the console, the API's operations: handing an asset to someone who has
 * not acknowledged the current acceptable-use rules is refused next to the person's field with the
 * API's reason, and nothing changes; once they have, it is theirs, and checking it in ends it. Only
 * admins hand assets out.
 */
@QuarkusTest
class ConsoleCustodyTest extends BrowserTest {

    @Test
    void shouldRefuseACheckOutUntilTheRulesAreAcknowledgedThenCheckOutAndIn() {
        String team = Api.createGroup(unique("Custody team"));
        String email = unique("newcomer").toLowerCase() + "@example.com";
        String person = Api.createPerson(email, "Nia Newcomer");
        String laptop = Api.createAsset(unique("LT"), "group", team);
        String version = Api.publishAcceptableUse();

        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/assets/" + laptop, "Iris IT admin");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check out")).click();
            assertAccessible(page);
            page.getByLabel("To whom (their e-mail)").fill(email);
            page.getByLabel("Note").fill("For her first day");
            Response refused = submit(page, "Check out");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(page.locator("#personId-error").textContent())
                    .isEqualTo("has not acknowledged acceptable-use version " + version);
            assertThat(page.locator("#problem").textContent())
                    .contains("Nia Newcomer has not acknowledged the acceptable-use rules");
            assertThat(page.getByLabel("To whom (their e-mail)").inputValue()).isEqualTo(email);
            assertAccessible(page);
            ConsoleBrowser.screenshot(page, "checkout-refused");
            asAdmin().get("/api/v1/assets/" + laptop).then().body("holder", nullValue());

            as("employee", email)
                    .post("/api/v1/acceptable-use/current/acknowledgements")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check out"))
                    .click();
            assertThat(page.url()).endsWith("/console/assets/" + laptop + "?saved=true");
            asAdmin()
                    .get("/api/v1/assets/" + laptop)
                    .then()
                    .body("holder.id", equalTo(person))
                    .body("status", equalTo("in_use"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check in")).click();
            assertThat(page.getByTestId("holder").textContent()).isEqualTo(email);
            page.getByLabel("Condition it came back in").fill("Scratched lid");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in"))
                    .click();
            assertThat(page.url()).endsWith("/console/assets/" + laptop + "?saved=true");
            assertAccessible(page);
        }
        asAdmin()
                .get("/api/v1/assets/" + laptop)
                .then()
                .body("holder", nullValue())
                .body("status", equalTo("in_stock"));
    }

    @Test
    void shouldRefuseAnUnknownPersonAtTheFieldAndKeepEmployeesOut() {
        String team = Api.createGroup(unique("Custody team"));
        String laptop = Api.createAsset(unique("LT"), "group", team);
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/custody?id=" + laptop, "Iris IT admin");
            page.getByLabel("To whom (their e-mail)").fill("nobody.here@example.com");
            Response refused = submit(page, "Check out");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#personId-error").textContent())
                    .isEqualTo("no person with this e-mail");
        }
        ConsoleBrowser.person("casey.console@example.com", "Casey Console");
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/assets", "Casey Console");
            assertThat(opened(page, base, "/console/custody?id=" + laptop)).isEqualTo(403);
        }
    }
}
