package io.custodian.asset.console;

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
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Two admins edit the same asset in real browsers: the first save wins, the second gets the
 * conflict page with what is stored now beside what they typed, nothing is overwritten, and the
 * history says who changed what. Only admins may edit; invalid input is shown next to its field.
 */
@QuarkusTest
class ConsoleAssetEditTest extends BrowserTest {

    @Test
    void shouldNeverOverwriteAChangeMadeSinceTheFormWasOpened() {
        String team = Api.createGroup(unique("Edit team"));
        String tag = unique("LT");
        String laptop = Api.createAsset(tag, "group", team);
        String edit = "/console/asset-edit?id=" + laptop;

        try (BrowserContext irisPhone = browser.phone();
                BrowserContext samPhone = browser.phone()) {
            Page iris = irisPhone.newPage();
            Page sam = samPhone.newPage();
            signIn(iris, base, edit, "Iris IT admin");
            signIn(sam, base, edit, "Sam Second admin");
            assertAccessible(iris);

            sam.getByLabel("Location").fill("Leeds office");
            sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(sam.url()).endsWith("/console/assets/" + laptop + "?saved=true");
            assertThat(sam.getByTestId("location").textContent()).isEqualTo("Leeds office");

            iris.getByLabel("Location").fill("York office");
            Response refused = submit(iris, "Save");
            assertThat(refused.status()).isEqualTo(412);
            assertThat(iris.getByTestId("stale").textContent())
                    .contains("Someone changed this asset since you opened it")
                    .contains("location: you typed “York office”; now “Leeds office”");
            assertThat(iris.getByLabel("Location").inputValue()).isEqualTo("Leeds office");
            assertAccessible(iris);
            iris.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(ConsoleBrowser.SHOTS.resolve("asset-edit-conflict.png"))
                            .setFullPage(true));
            asAdmin()
                    .get("/api/v1/assets/" + laptop)
                    .then()
                    .statusCode(200)
                    .body("location", equalTo("Leeds office"));

            iris.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("See who changed what"))
                    .click();
            assertThat(iris.getByTestId("history").textContent())
                    .contains("sam.admin@example.com")
                    .contains("location: “” → “Leeds office”")
                    .doesNotContain("York office");
            assertAccessible(iris);

            // applied again on the current version, it is saved
            iris.navigate(ConsoleBrowser.url(base, edit));
            iris.getByLabel("Location").fill("York office");
            iris.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(iris.getByTestId("location").textContent()).isEqualTo("York office");
        }
    }

    @Test
    void shouldShowAFieldErrorAndSaveNothing() {
        String team = Api.createGroup(unique("Edit team"));
        String laptop = Api.createAsset(unique("LT"), "group", team);
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/asset-edit?id=" + laptop, "Iris IT admin");
            page.getByLabel("Name").fill("");
            page.getByLabel("Location").fill("Somewhere");
            Response refused = submit(page, "Save");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#name-error").textContent()).isNotBlank();
            assertThat(page.getByLabel("Location").inputValue()).isEqualTo("Somewhere");
            assertAccessible(page);
        }
        asAdmin()
                .get("/api/v1/assets/" + laptop)
                .then()
                .body("name", equalTo("MacBook Pro 14"))
                .body("location", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldShowTheForbiddenPageToAnEmployee() {
        String casey = ConsoleBrowser.person("casey.console@example.com", "Casey Console");
        String laptop = Api.createAsset(unique("LT"), "person", casey);
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/assets/" + laptop, "Casey Console");
            assertThat(
                            page.getByRole(
                                            AriaRole.LINK,
                                            new Page.GetByRoleOptions().setName("Edit"))
                                    .count())
                    .isZero();
            Response forbidden =
                    page.navigate(ConsoleBrowser.url(base, "/console/asset-edit?id=" + laptop));
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(page.locator("h1").textContent()).isEqualTo("You can't open this page");
        }
    }
}
