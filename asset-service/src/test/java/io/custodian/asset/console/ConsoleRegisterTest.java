package io.custodian.asset.console;

import static io.custodian.asset.Api.unique;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.custodian.asset.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The register's search in the console: the API's filters as form fields, its cursor pages forward
 * and back, each result linking to the asset's page; a refused filter next to its field; an
 * employee finds only what they hold or own, as on the API.
 */
@QuarkusTest
class ConsoleRegisterTest extends BrowserTest {

    @Test
    void shouldFilterAndPageThroughTheRegisterBothWays() {
        String group = Api.createGroup(unique("Register team"));
        String p = unique("REG");
        for (int i = 1; i <= 5; i++) {
            asset(p + "-" + i, "Atlas " + p + " " + i, i == 4 ? "phone" : "laptop", group);
        }

        try (BrowserContext phone = browser.phone()) {
            Page page =
                    signedIn(phone, base, "/console/register?q=" + p + "&limit=2", "Iris IT admin");
            assertThat(tags(page)).containsExactly(p + "-1", p + "-2");
            assertThat(link(page, "Previous page").count()).isZero();
            assertAccessible(page);
            ConsoleBrowser.screenshot(page, "register");

            link(page, "Next page").click();
            assertThat(tags(page)).containsExactly(p + "-3", p + "-4");
            link(page, "Next page").click();
            assertThat(tags(page)).containsExactly(p + "-5");
            assertThat(link(page, "Next page").count()).isZero();
            link(page, "Previous page").click();
            assertThat(tags(page)).containsExactly(p + "-3", p + "-4");
            link(page, "Previous page").click();
            assertThat(tags(page)).containsExactly(p + "-1", p + "-2");
            assertThat(link(page, "Previous page").count()).isZero();
            assertThat(page.getByLabel("Name contains").inputValue()).isEqualTo(p);

            // filters as fields: a category and a status, the same answer as the API's
            page.getByLabel("Category", new Page.GetByLabelOptions().setExact(true))
                    .selectOption("phone");
            page.getByLabel("In stock").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(tags(page)).containsExactly(p + "-4");
            assertThat(page.url()).contains("category=phone").contains("status=in_stock");
            assertAccessible(page);

            link(page, p + "-4 · Atlas " + p + " 4").click();
            assertThat(page.url()).contains("/console/assets/");
            assertThat(page.locator("h1").textContent()).isEqualTo(p + "-4 · Atlas " + p + " 4");

            // a filter the API refuses is shown next to its field, with the API's reason
            page.navigate(ConsoleBrowser.url(base, "/console/register"));
            page.getByText("More filters").click();
            page.getByLabel("Owner type", new Page.GetByLabelOptions().setExact(true))
                    .selectOption("person");
            page.getByLabel("Owner's id (a person's or a group's)").fill("not-an-id");
            Response refused =
                    page.waitForResponse(
                            r -> r.url().contains("/console/register?"),
                            () ->
                                    page.getByRole(
                                                    AriaRole.BUTTON,
                                                    new Page.GetByRoleOptions().setName("Search"))
                                            .click());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#ownerId-error").textContent()).isEqualTo("must be a UUID");
            assertThat(page.getByLabel("Owner's id (a person's or a group's)").inputValue())
                    .isEqualTo("not-an-id");
            assertAccessible(page);
        }
    }

    @Test
    void shouldShowAnEmployeeOnlyWhatTheyHoldOrOwn() {
        String casey = ConsoleBrowser.person("casey.console@example.com", "Casey Console");
        String group = Api.createGroup(unique("Register team"));
        String p = unique("EMP");
        Api.createAsset(
                Map.of(
                        "assetTag",
                        p + "-1",
                        "name",
                        "Atlas " + p + " mine",
                        "category",
                        "laptop",
                        "classification",
                        "internal",
                        "owner",
                        Map.of("type", "person", "id", casey)));
        asset(p + "-2", "Atlas " + p + " theirs", "laptop", group);

        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/register?q=" + p, "Casey Console");
            assertThat(tags(page)).containsExactly(p + "-1");
            assertAccessible(page);
        }
    }

    private static void asset(String tag, String name, String category, String group) {
        Api.createAsset(
                Map.of(
                        "assetTag", tag,
                        "name", name,
                        "category", category,
                        "classification", "internal",
                        "owner", Map.of("type", "group", "id", group)));
    }

    private static List<String> tags(Page page) {
        return page.locator("[data-testid=results] h3 a").allTextContents().stream()
                .map(text -> text.substring(0, text.indexOf(" · ")))
                .toList();
    }

    private static com.microsoft.playwright.Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
