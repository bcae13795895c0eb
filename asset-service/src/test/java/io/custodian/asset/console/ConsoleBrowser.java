package io.custodian.asset.console;

import static io.custodian.asset.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console tests' browser: Debian's chromium, headless, driven by Playwright; phone-sized
 * contexts; sign-in through the OpenID Connect provider's page.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SHOTS = Paths.get("target", "console-screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private ConsoleBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static ConsoleBrowser launch() {
        Playwright playwright = Playwright.create();
        Browser browser =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                                        .setArgs(List.of("--no-sandbox"))
                                        .setHeadless(true));
        return new ConsoleBrowser(playwright, browser);
    }

    /** A fresh session on a 390×844 touch screen. */
    BrowserContext phone() {
        return browser.newContext(phoneOptions());
    }

    /** A fresh session on a 390×844 touch screen whose clock is in this time zone. */
    BrowserContext phoneIn(String timeZone) {
        return browser.newContext(phoneOptions().setTimezoneId(timeZone));
    }

    private static Browser.NewContextOptions phoneOptions() {
        return new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setHasTouch(true)
                .setIsMobile(true);
    }

    /** Opens {@code path}, is sent to the provider's sign-in page, and signs in as {@code who}. */
    static void signIn(Page page, URL base, String path, String who) {
        page.navigate(url(base, path));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(Pattern.compile("Sign in as " + who)))
                .click();
        page.waitForURL(url(base, path));
    }

    /** A new page of this session, sent to sign in at {@code path} and signed in as {@code who}. */
    static Page signedIn(BrowserContext session, URL base, String path, String who) {
        Page page = session.newPage();
        signIn(page, base, path, who);
        return page;
    }

    /** The status the page answers {@code path} with, now open in it. */
    static int opened(Page page, URL base, String path) {
        return page.navigate(url(base, path)).status();
    }

    /** The WCAG 2.2 A and AA rules (and axe's best practices) the console is checked against. */
    private static final List<String> AXE_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    /**
     * axe-core (Deque's engine, run inside the page) finds no serious or critical violation on the
     * page as it is now; the message lists each rule with the elements it found.
     */
    static void assertAccessible(Page page) {
        List<Rule> violations =
                new AxeBuilder(page)
                        .withTags(AXE_TAGS).analyze().getViolations().stream()
                                .filter(
                                        r ->
                                                "serious".equals(r.getImpact())
                                                        || "critical".equals(r.getImpact()))
                                .toList();
        assertThat(violations)
                .as(
                        "axe-core on %s: %s",
                        page.url(),
                        violations.stream()
                                .map(
                                        r ->
                                                r.getId()
                                                        + " ("
                                                        + r.getImpact()
                                                        + "): "
                                                        + r.getHelp()
                                                        + " at "
                                                        + r.getNodes().stream()
                                                                .map(
                                                                        n ->
                                                                                String.valueOf(
                                                                                        n
                                                                                                .getTarget()))
                                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    /** What a finger presses on the console's pages: each must be at least 44 px tall. */
    private static final String TARGETS =
            ".button, button, .choice, select, textarea, input:not([type=hidden]):not([type=radio])"
                    + ":not([type=checkbox]), .bar a, .filters a, .card h2 a, .card h3 a";

    /**
     * The page as it is now also fits a 360 px wide phone: nothing wider than the screen (no
     * sideways scrolling), every touch target at least 44 px tall; the viewport is then 390×844
     * again.
     */
    static void assertFitsNarrowPhone(Page page) {
        page.setViewportSize(360, 780);
        try {
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                    .as("width of %s at 360 px", page.url())
                    .isLessThanOrEqualTo(360);
            @SuppressWarnings("unchecked")
            List<String> small =
                    (List<String>)
                            page.evaluate(
                                    "s => [...document.querySelectorAll(s)]"
                                            + ".filter(e => e.getClientRects().length"
                                            + " && e.getBoundingClientRect().height < 44)"
                                            + ".map(e => e.outerHTML.slice(0, 120))",
                                    TARGETS);
            assertThat(small).as("touch targets under 44 px on %s", page.url()).isEmpty();
            // the menu is one line on a phone (it scrolls sideways): brand, menu and who is
            // signed in, not three lines of links above the page
            assertThat(page.locator("header.bar").boundingBox().height)
                    .as("height of the header at 360 px on %s", page.url())
                    .isLessThanOrEqualTo(150);
        } finally {
            page.setViewportSize(390, 844);
        }
    }

    /** Presses the form's button {@code button}; the answer to the form's post. */
    static com.microsoft.playwright.Response submit(Page page, String button) {
        return page.waitForResponse(
                r -> r.request().method().equals("POST"),
                () ->
                        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                                .click());
    }

    /** Presses the button {@code name} (a step that leaves the page, or a form's submit). */
    static void press(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
    }

    /** Follows the link {@code name}. */
    static void follow(Page page, String name) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
    }

    /** The whole page as it is now, to {@code target/console-screenshots/NAME.png}. */
    static void screenshot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions()
                        .setPath(SHOTS.resolve(name + ".png"))
                        .setFullPage(true));
    }

    static String url(URL base, String path) {
        String root = base.toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
    }

    /** The person with this e-mail, as the HR sync records them (created once, then the same). */
    static String person(String email, String name) {
        return asAdmin()
                .body(Map.of("email", email, "displayName", name))
                .put("/api/v1/people/by-employee-id/" + email.substring(0, email.indexOf('@')))
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .path("id");
    }

    /**
     * The employee with this e-mail reports a personal device with company access lost or stolen an
     * hour ago, through the API; the incident's id.
     */
    static String reportedPersonalDevice(
            String email, String type, String description, String kind) {
        return io.custodian.asset.Api.as("employee", email)
                .body(
                        Map.of(
                                "device", Map.of("type", type, "description", description),
                                "kind", kind,
                                "occurredAt",
                                        io.custodian.asset.TestClock.now()
                                                .minusSeconds(3600)
                                                .toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
