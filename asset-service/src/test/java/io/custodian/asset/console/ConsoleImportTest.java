package io.custodian.asset.console;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.console.ConsoleBrowser.assertAccessible;
import static io.custodian.asset.console.ConsoleBrowser.opened;
import static io.custodian.asset.console.ConsoleBrowser.signedIn;
import static io.custodian.asset.console.ConsoleBrowser.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.custodian.asset.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An admin imports a CSV file in the console, the same job as {@code POST /api/v1/imports}: the
 * job's page shows its progress bar, updated in place while the job runs, until it is done; the
 * rejected rows by row and column; a dry run's preview of what would change, having written
 * nothing. Only admins upload; a job is the API's, 404 when unknown.
 */
@QuarkusTest
class ConsoleImportTest extends BrowserTest {

    private static final String HEADER = "assetTag,name,category,classification,owner,location\n";

    @Inject DataSource dataSource;

    @Test
    void shouldShowTheProgressBarReachTheEndAndEachRejectedRowByRowAndColumn() throws Exception {
        String team = unique("Import team");
        Api.createGroup(team);
        String p = unique("IMP");
        String csv =
                HEADER
                        + p
                        + "-1,Laptop one,laptop,internal,"
                        + team
                        + ",London\n"
                        + p
                        + "-2,Laptop two,laptop,top-secret,"
                        + team
                        + ",London\n"
                        + p
                        + "-3,Laptop three,laptop,internal,"
                        + team
                        + ",Leeds\n";

        try (BrowserContext phone = browser.phone();
                Connection lock = dataSource.getConnection()) {
            Page page = phone.newPage();
            List<String> refused = new ArrayList<>();
            page.onConsoleMessage(message -> refused.add(message.text()));
            ConsoleBrowser.signIn(page, base, "/console/import", "Iris IT admin");
            assertAccessible(page);

            // the job cannot stage its rows until the test lets it: its page is seen mid-way
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table import_row in share mode");
            }
            try {
                choose(page, csv);
                page.getByLabel("Import into the register").check();
                page.getByLabel("Take the valid rows, list the others").check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload"))
                        .click();
                page.waitForURL(Pattern.compile(".*/console/import-job\\?id=.+"));

                Locator bar = page.locator("#bar");
                assertThat(((Number) bar.evaluate("b => b.value")).intValue()).isLessThan(100);
                assertThat(page.locator("#job").getAttribute("data-state"))
                        .isIn("queued", "running");
                assertAccessible(page);
                ConsoleBrowser.screenshot(page, "import-running");
                page.evaluate("() => { window.stillThisPage = true; }");
            } finally {
                lock.commit();
            }

            page.waitForFunction(
                    "() => document.querySelector('#bar').value === 100"
                            + " && document.querySelector('#job').dataset.state === 'completed'",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000));
            assertThat(page.evaluate("() => window.stillThisPage === true"))
                    .as("the bar advanced in place: the page was not loaded again")
                    .isEqualTo(true);
            assertThat(page.getByTestId("state").textContent()).isEqualTo("Done");
            assertThat(page.getByTestId("created").textContent()).isEqualTo("2");
            assertThat(page.getByTestId("rejected").textContent()).isEqualTo("1");
            Locator error = page.locator("[data-testid=errors] tbody tr");
            assertThat(error.count()).isEqualTo(1);
            assertThat(error.locator("td").allTextContents())
                    .first()
                    .isEqualTo("3"); // the header is row 1
            assertThat(error.locator("td").nth(1).textContent()).isEqualTo("classification");
            assertThat(error.locator("td").nth(2).textContent())
                    .startsWith("must be one of: public");
            assertThat(refused).as("nothing refused by the Content-Security-Policy").isEmpty();
            assertAccessible(page);
            ConsoleBrowser.screenshot(page, "import");

            // the rows the console shows are the API's
            APIResponse download =
                    page.request()
                            .get(
                                    ConsoleBrowser.url(
                                            base,
                                            page.locator("[data-testid=errors] caption a")
                                                    .getAttribute("href")));
            assertThat(download.text())
                    .startsWith("row,column,reason")
                    .contains("3,classification");
        }
        asAdmin()
                .get("/api/v1/assets?assetTag=" + p + "-1")
                .then()
                .statusCode(200)
                .body("items[0].location", org.hamcrest.Matchers.equalTo("London"));
        asAdmin().get("/api/v1/assets?assetTag=" + p + "-2").then().body("items", empty());
    }

    @Test
    void shouldPreviewADryRunAndWriteNothing() {
        String team = unique("Dry team");
        String group = Api.createGroup(team);
        String p = unique("DRY");
        String existing =
                Api.createAsset(
                        Map.of(
                                "assetTag", p + "-0",
                                "name", "Laptop zero",
                                "category", "laptop",
                                "classification", "internal",
                                "owner", Map.of("type", "group", "id", group)));
        String csv =
                HEADER
                        + p
                        + "-0,Laptop zero,laptop,internal,"
                        + team
                        + ",Leeds\n"
                        + p
                        + "-1,Laptop one,laptop,internal,"
                        + team
                        + ",York\n";

        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/import", "Iris IT admin");
            assertThat(
                            page.getByLabel(
                                            "Check only (dry run): show what would change, write"
                                                    + " nothing")
                                    .isChecked())
                    .as("a dry run unless asked otherwise")
                    .isTrue();
            choose(page, csv);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
            page.waitForFunction(
                    "() => document.querySelector('#job').dataset.state === 'completed'",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000));

            assertThat(page.locator("h1").textContent()).isEqualTo("Dry run of an import");
            assertThat(page.getByTestId("state").textContent())
                    .isEqualTo("Dry run done: nothing was written");
            assertThat(page.getByTestId("created").textContent()).isEqualTo("1");
            assertThat(page.getByTestId("updated").textContent()).isEqualTo("1");
            assertThat(page.getByTestId("changes").textContent())
                    .contains("Row 2 · " + p + "-0 · changed")
                    .contains("location: “” → “Leeds”")
                    .contains("Row 3 · " + p + "-1 · new asset");
            assertAccessible(page);
            ConsoleBrowser.screenshot(page, "import-dry-run");
        }
        asAdmin().get("/api/v1/assets/" + existing).then().body("location", nullValue());
        asAdmin().get("/api/v1/assets?assetTag=" + p + "-1").then().body("items", empty());
    }

    @Test
    void shouldAskForAFileAndKeepOthersOut() {
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/import", "Iris IT admin");
            Response refused = submit(page, "Upload");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#file-error").textContent()).isEqualTo("choose a CSV file");
            assertAccessible(page);

            assertThat(opened(page, base, "/console/import-job?id=" + UUID.randomUUID()))
                    .isEqualTo(404);
        }
        ConsoleBrowser.person("casey.console@example.com", "Casey Console");
        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/assets", "Casey Console");
            assertThat(
                            page.getByRole(
                                            AriaRole.LINK,
                                            new Page.GetByRoleOptions().setName("Import"))
                                    .count())
                    .isZero();
            assertThat(opened(page, base, "/console/import")).isEqualTo(403);
            assertThat(page.locator("h1").textContent()).isEqualTo("You can't open this page");
            assertAccessible(page);
        }
    }

    /** The file input given this CSV as {@code laptops.csv}. */
    private static void choose(Page page, String csv) {
        page.getByLabel("CSV file")
                .setInputFiles(
                        new FilePayload(
                                "laptops.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }
}
