package io.custodian.asset.console;

import static io.custodian.asset.Api.as;
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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.custodian.asset.Api;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Off-boarding in the console, the API's list and items: the board's tabs are the API's filters
 * (due soon, overdue, done); the leaver finds their return checklist from My assets (what, to whom,
 * by when); leadership waives an item with a reason (refused at the field without one), an admin
 * checks the laptop in from it, and the off-boarding is completed. Someone else's off-boarding is
 * the 404 page.
 */
@QuarkusTest
class ConsoleOffboardingTest extends BrowserTest {

    private static final String LEAVER = "lee.leaver@example.com";

    @Test
    void shouldShowTheBoardTheChecklistAndCloseEachItemFromItsPage() {
        Api.publishAcceptableUse();
        String leaver = ConsoleBrowser.person(LEAVER, "Lee Leaver");
        String laptop = Api.createAsset(unique("LT"), "group", Api.createGroup(unique("IT")));
        Api.hold(laptop, leaver, LEAVER);
        String repo =
                Api.createAsset(
                        Map.of(
                                "assetTag", unique("REPO"),
                                "name", "Billing repository",
                                "category", "source_repository",
                                "classification", "confidential",
                                "owner", Map.of("type", "person", "id", leaver)));
        String offboarding = Api.offboard(LEAVER).getString("id");
        String lastDay = TestClock.today().plusDays(14).toString();
        String late = lateLeaver();

        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/assets", "Lee Leaver");
            follow(page, "When I am leaving: my return checklist");
            assertThat(page.url()).endsWith("/console/offboarding?id=" + offboarding);
            assertThat(page.locator("h1").textContent()).isEqualTo("My return checklist");
            Locator items = page.getByTestId("item");
            assertThat(items.count()).isEqualTo(2);
            assertThat(items.nth(0).getByTestId("to-whom").textContent()).isEqualTo("IT");
            assertThat(items.nth(0).textContent()).contains(lastDay);
            assertThat(items.nth(1).getByTestId("to-whom").textContent())
                    .isEqualTo("A new owner: a person or a group");
            assertThat(page.locator("form[action*=waiver]").count()).isZero();
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            ConsoleBrowser.screenshot(page, "return-checklist");
            assertThat(opened(page, base, "/console/offboarding?id=" + late)).isEqualTo(404);
        }

        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/offboardings", "Hana HR");
            assertThat(page.getByText("Lee Leaver").count()).isEqualTo(1);
            assertThat(page.getByText("Lara Late").count()).isZero();
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            ConsoleBrowser.screenshot(page, "offboardings");
            follow(page, "Overdue");
            assertThat(page.getByText("Lara Late").count()).isEqualTo(1);
            assertThat(page.getByText("Lee Leaver").count()).isZero();
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            assertThat(opened(page, base, "/console/asset-status?id=" + laptop)).isEqualTo(403);
        }

        try (BrowserContext phone = browser.phone()) {
            Page page = signedIn(phone, base, "/console/offboarding?id=" + offboarding, "Cora CEO");
            Response refused = submit(page, "Waive " + tagOf(repo));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.getByTestId("reason-error").textContent()).isNotBlank();
            assertAccessible(page);
            assertFitsNarrowPhone(page);
            page.getByLabel("Why waive " + tagOf(repo)).fill("Archived with the team's consent");
            press(page, "Waive " + tagOf(repo));
            assertThat(page.getByTestId("done").textContent()).contains("waived");
            assertThat(page.getByTestId("item-status").nth(1).textContent()).isEqualTo("waived");
        }

        try (BrowserContext phone = browser.phone()) {
            Page page =
                    signedIn(
                            phone, base, "/console/offboarding?id=" + offboarding, "Iris IT admin");
            assertThat(page.locator("form[action*=waiver]").count()).isZero();
            follow(page, "Check in " + tagOf(laptop));
            press(page, "Check in");
            assertThat(page.url()).endsWith("/console/assets/" + laptop + "?saved=true");
            page.navigate(ConsoleBrowser.url(base, "/console/offboarding?id=" + offboarding));
            assertThat(page.getByTestId("status").textContent()).isEqualTo("completed");
            assertAccessible(page);
            assertFitsNarrowPhone(page);
        }
        try (BrowserContext phone = browser.phone()) {
            Page page =
                    signedIn(phone, base, "/console/offboardings?status=completed", "Ada Auditor");
            follow(page, "Lee Leaver");
            assertThat(page.getByTestId("item-status").allTextContents())
                    .containsExactly("returned", "waived");
            assertThat(page.locator("main form").count()).isZero();
            assertThat(page.locator("main .actions a").count()).isZero();
            assertAccessible(page);
        }
        as("auditor", "auditor@example.com")
                .get("/api/v1/offboardings/" + offboarding)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("items.find { it.kind == 'ownership_transfer' }.status", equalTo("waived"))
                .body(
                        "items.find { it.kind == 'ownership_transfer' }.waiverReason",
                        equalTo("Archived with the team's consent"))
                .body("items.find { it.kind == 'return' }.status", equalTo("returned"));
    }

    /** Someone whose last working day was ten days ago and who still holds a laptop. */
    private static String lateLeaver() {
        String email = unique("lara").toLowerCase() + "@example.com";
        String person = Api.createPerson(email, "Lara Late");
        Api.hold(
                Api.createAsset(unique("LT"), "group", Api.createGroup(unique("IT"))),
                person,
                email);
        return Api.startOffboarding(email, TestClock.today().minusDays(10))
                .then()
                .statusCode(201)
                .body("overdue", equalTo(true))
                .extract()
                .path("id");
    }

    private static String tagOf(String assetId) {
        return Api.asAdmin().get("/api/v1/assets/" + assetId).then().extract().path("assetTag");
    }
}
