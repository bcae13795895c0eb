package io.custodian.asset.console;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.assertFitsNarrowPhone;
import static io.custodian.asset.console.ConsoleBrowser.follow;
import static io.custodian.asset.console.ConsoleBrowser.opened;
import static io.custodian.asset.console.ConsoleBrowser.press;
import static io.custodian.asset.console.ConsoleBrowser.signedIn;
import static io.custodian.asset.console.ConsoleBrowser.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.custodian.asset.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An admin's lifecycle transition and owner change on the asset's page, the API's operations: each
 * refusal is shown next to its field with the API's reason and changes nothing; a change made since
 * the page was opened is the conflict page; only admins may.
 */
@QuarkusTest
class ConsoleAssetActionsTest extends BrowserTest {

    @Test
    void shouldMoveAnAssetThroughItsLifecycleAndRefuseAStaleOrInvalidStep() {
        String team = Api.createGroup(unique("Lifecycle team"));
        String laptop = Api.createAsset(unique("LT"), "group", team);
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/assets/" + laptop, "Iris IT admin");
            follow(page, "Change status");
            assertThat(page.getByTestId("status").textContent()).isEqualTo("in stock");
            assertThat(page.getByLabel("Lost").count()).isZero();
            assertAccessible(page);
            assertFitsNarrowPhone(page);

            page.getByLabel("In repair").check();
            page.getByLabel("Why").fill("x".repeat(501));
            Response refused = submit(page, "Change status");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#reason-error").textContent()).contains("500");
            assertThat(page.getByLabel("In repair").isChecked()).isTrue();
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            asAdmin().get("/api/v1/assets/" + laptop).then().body("status", equalTo("in_stock"));

            page.getByLabel("Why").fill("Cracked screen");
            press(page, "Change status");
            assertThat(page.url()).endsWith("/console/assets/" + laptop + "?saved=true");
            asAdmin().get("/api/v1/assets/" + laptop).then().body("status", equalTo("in_repair"));

            follow(page, "Change status");
            ConsoleBrowser.screenshot(page, "asset-status");
            asAdmin()
                    .header("If-Match", Api.etag(laptop))
                    .body(Map.of("status", "in_stock"))
                    .post("/api/v1/assets/" + laptop + "/transitions")
                    .then()
                    .statusCode(200);
            page.getByLabel("In use").check();
            Response stale = submit(page, "Change status");
            assertThat(stale.status()).isEqualTo(412);
            assertThat(page.getByRole(AriaRole.HEADING).first().textContent())
                    .isEqualTo("This changed meanwhile");
            assertAccessible(page);
            assertFitsNarrowPhone(page);
        }
        asAdmin().get("/api/v1/assets/" + laptop).then().body("status", equalTo("in_stock"));
    }

    @Test
    void shouldChangeTheOwnerToAPersonOrAGroupNamedInTheForm() {
        String team = Api.createGroup(unique("Owner team"));
        String other = unique("Other team");
        String otherId = Api.createGroup(other);
        String email = unique("owner").toLowerCase() + "@example.com";
        String person = Api.createPerson(email, "Otto Owner");
        String laptop = Api.createAsset(unique("LT"), "group", team);
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/asset-owner?id=" + laptop, "Iris IT admin");
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            page.getByLabel("A group").check();
            page.getByLabel("The person's e-mail, or the group's name").fill("No such team");
            Response refused = submit(page, "Change owner");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("[id='owner.id-error']").textContent())
                    .isEqualTo("no group with this name");
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            asAdmin().get("/api/v1/assets/" + laptop).then().body("owner.id", equalTo(team));

            page.getByLabel("The person's e-mail, or the group's name").fill(other);
            press(page, "Change owner");
            assertThat(page.url()).endsWith("/console/assets/" + laptop + "?saved=true");
            asAdmin().get("/api/v1/assets/" + laptop).then().body("owner.id", equalTo(otherId));

            follow(page, "Change owner");
            page.getByLabel("A person").check();
            page.getByLabel("The person's e-mail, or the group's name").fill(email);
            ConsoleBrowser.screenshot(page, "asset-owner");
            press(page, "Change owner");
            assertThat(page.url()).endsWith("/console/assets/" + laptop + "?saved=true");
        }
        asAdmin()
                .get("/api/v1/assets/" + laptop)
                .then()
                .body("owner.type", equalTo("person"))
                .body("owner.id", equalTo(person));

        ConsoleBrowser.person("casey.console@example.com", "Casey Console");
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/assets", "Casey Console");
            assertThat(opened(page, base, "/console/asset-owner?id=" + laptop)).isEqualTo(403);
            assertThat(opened(page, base, "/console/asset-status?id=" + laptop)).isEqualTo(403);
        }
    }
}
