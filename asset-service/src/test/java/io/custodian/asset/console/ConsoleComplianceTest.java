package io.custodian.asset.console;

import static io.custodian.asset.Api.unique;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.assertFitsNarrowPhone;
import static io.custodian.asset.console.ConsoleBrowser.opened;
import static io.custodian.asset.console.ConsoleBrowser.screenshot;
import static io.custodian.asset.console.ConsoleBrowser.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.custodian.asset.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The compliance pages: an auditor sees every control's status, opens a failing one and finds the
 * failing item with its reason, one click from the asset; an employee gets the 403 page.
 */
@QuarkusTest
class ConsoleComplianceTest extends BrowserTest {

    @Test
    void shouldShowEachControlAndTheFailingItemsOneClickAway() {
        // an asset whose owning group has no member fails A.5.9, whatever else the register holds
        String empty = unique("Nobody's team");
        String tag = unique("ORPHAN");
        String group = Api.createGroup(empty);
        String orphan = Api.createAsset(tag, "group", group);

        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/compliance", "Ada Auditor");
            for (String control :
                    new String[] {"A.5.9", "A.5.10", "A.5.11", "A.6.5", "A.6.8", "A.8.1"}) {
                assertThat(page.getByTestId("control-" + control).isVisible())
                        .as("control %s listed", control)
                        .isTrue();
            }
            assertThat(page.getByTestId("control-A.5.9").getByTestId("status").textContent())
                    .startsWith("Failing:");
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            screenshot(page, "compliance");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName(
                                            "A.5.9 Inventory of information and other associated"
                                                    + " assets"))
                    .click();
            assertThat(page.url()).endsWith("/console/compliance/control?id=A.5.9");
            assertThat(page.getByTestId("status").textContent()).startsWith("Failing:");
            assertAccessible(page);
            screenshot(page, "compliance-control");

            // narrowed to the orphan's group, as an auditor samples a team: the item, its reason,
            // and one click to the asset
            assertThat(opened(page, base, "/console/compliance/control?id=A.5.9&group=" + group))
                    .isEqualTo(200);
            Locator item = page.getByTestId("failing");
            assertThat(item.count()).isEqualTo(1);
            assertThat(item.textContent())
                    .contains(tag)
                    .contains("owner group " + empty + " has no active member");
            item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(tag)).click();
            assertThat(page.url()).endsWith("/console/assets/" + orphan);
            page.goBack();
            assertFitsNarrowPhone(page);
        }
    }

    @Test
    void shouldShowTheForbiddenPageToAnEmployee() {
        ConsoleBrowser.person("casey.console@example.com", "Casey Console");
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            signIn(page, base, "/console/assets", "Casey Console");
            assertThat(opened(page, base, "/console/compliance")).isEqualTo(403);
            assertThat(opened(page, base, "/console/compliance/control?id=A.5.9")).isEqualTo(403);
        }
    }
}
