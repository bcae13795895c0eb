package io.custodian.asset.console;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.console.ConsoleBrowser.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Times on the console's pages are shown in the viewer's time zone, as their browser names it (the
 * console's script keeps it in a cookie); a cookie that names no zone shows the company's.
 */
@QuarkusTest
class ConsoleTimeZoneTest extends BrowserTest {

    private static final String OLIVE = "olive.other@example.com";

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    @Test
    void shouldShowTimesInTheViewersZoneElseTheCompanys() {
        ConsoleBrowser.person(OLIVE, "Olive Other");
        String incident =
                ConsoleBrowser.reportedPersonalDevice(OLIVE, "tablet", "Silver iPad", "stolen");
        Instant reportedAt =
                Instant.parse(
                        as("employee", OLIVE)
                                .get("/api/v1/incidents/" + incident)
                                .then()
                                .extract()
                                .path("reportedAt"));
        String path = "/console/incident?id=" + incident;

        try (BrowserContext phone = browser.phoneIn("Asia/Tokyo")) {
            Page page = signedIn(phone, base, path, "Olive Other");
            page.reload();
            assertThat(page.locator("main").textContent())
                    .contains(SHOWN.format(reportedAt.atZone(ZoneId.of("Asia/Tokyo"))));
            assertThat(phone.cookies().stream().filter(c -> c.name.equals("tz")).toList())
                    .singleElement()
                    .satisfies(c -> assertThat(c.value).isEqualTo("Asia%2FTokyo"));

            phone.addCookies(
                    List.of(
                            new Cookie("tz", "Nowhere%2FAtAll")
                                    .setDomain(base.getHost())
                                    .setPath("/console")));
            page.navigate(ConsoleBrowser.url(base, "/console/my-reports"));
            assertThat(page.locator("main").textContent())
                    .contains(SHOWN.format(reportedAt.atZone(ZoneId.of("UTC"))));
        }
    }
}
