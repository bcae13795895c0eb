package io.custodian.asset.security;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Free text is data: stored exactly as given (no stripping, no HTML entities) and returned inside a
 * JSON string of an {@code application/json} answer with {@code nosniff}, so it is never markup, a
 * formula or a query. Escaping belongs to whoever renders it (the mail templates, the CSV export).
 */
@QuarkusTest
class FreeTextTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(document.cookie)>";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String SQL = "Robert'); DROP TABLE asset;--";
    static final String TEMPLATE = "{{7*7}} ${7*7} {#raw}x{/raw} #{7*7}";
    static final String QUOTES = "\"double\" 'single' `back` \\ back\\slash";
    static final String UNICODE = "Zoë – 漢字 \uD83D\uDE00 \u2028 line";

    static final String ALL =
            String.join("\n", SCRIPT, IMG, FORMULA, SQL, TEMPLATE, QUOTES, UNICODE);

    @Test
    void shouldStoreAssetTextAsGivenAndReturnItAsJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetTag", unique("XSS"));
        body.put("name", SCRIPT);
        body.put("category", "laptop");
        body.put("classification", "internal");
        body.put("notes", ALL);
        body.put("location", FORMULA);
        body.put("manufacturer", IMG);
        body.put("model", QUOTES);
        body.put("owner", Map.of("type", "group", "id", createGroup(unique("G"))));
        Response created = asAdmin().body(body).post("/api/v1/assets");
        assertJson(created, 201);
        String id = created.path("id");

        Response read = asAdmin().get("/api/v1/assets/" + id);
        assertJson(read, 200);
        assertThat(read.<String>path("name")).isEqualTo(SCRIPT);
        assertThat(read.<String>path("notes")).isEqualTo(ALL);
        assertThat(read.<String>path("location")).isEqualTo(FORMULA);
        assertThat(read.<String>path("manufacturer")).isEqualTo(IMG);
        assertThat(read.<String>path("model")).isEqualTo(QUOTES);

        // the search finds it by the same text and shows it the same way
        Response found = asAdmin().queryParam("q", SCRIPT).get("/api/v1/assets");
        assertJson(found, 200);
        assertThat(found.jsonPath().getList("items.id")).contains(id);

        // the history shows the values as given
        Response history = asAdmin().get("/api/v1/assets/" + id + "/history");
        assertJson(history, 200);
        assertThat(history.asString()).contains("\\\"double\\\"");
        List<Map<String, Object>> changes = history.jsonPath().getList("items[0].changes");
        assertThat(changes)
                .filteredOn(c -> "notes".equals(c.get("field")))
                .extracting(c -> c.get("to"))
                .containsExactly(ALL);
    }

    @Test
    void shouldStoreIncidentTextAsGivenAndReturnItAsJson() {
        String email = unique("ada") + "@example.com";
        String asset =
                io.custodian.asset.Api.createAsset(unique("XSS"), "person", createPerson(email));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetId", asset);
        body.put("kind", "stolen");
        body.put("occurredAt", TestClock.now().minus(5, ChronoUnit.MINUTES).toString());
        body.put("location", IMG);
        body.put("circumstances", ALL);
        body.put("policeReference", FORMULA);
        Response created = as("employee", email).body(body).post("/api/v1/incidents");
        assertJson(created, 201);

        Response read = as("employee", email).get("/api/v1/incidents/" + created.path("id"));
        assertJson(read, 200);
        assertThat(read.<String>path("circumstances")).isEqualTo(ALL);
        assertThat(read.<String>path("location")).isEqualTo(IMG);
        assertThat(read.<String>path("policeReference")).isEqualTo(FORMULA);

        Map<String, Object> action = Map.of("action", "other", "note", SCRIPT + TEMPLATE);
        Response acted =
                asAdmin().body(action).post("/api/v1/incidents/" + created.path("id") + "/actions");
        assertJson(acted, 200);
        assertThat(acted.<String>path("timeline[1].note")).isEqualTo(SCRIPT + TEMPLATE);
    }

    @Test
    void shouldStoreViolationAndExceptionTextAsGivenAndReturnItAsJson() {
        String email = unique("bob") + "@example.com";
        Response violation =
                as("employee", email).body(Map.of("description", ALL)).post("/api/v1/violations");
        assertJson(violation, 201);
        Response read = as("employee", email).get("/api/v1/violations/" + violation.path("id"));
        assertJson(read, 200);
        assertThat(read.<String>path("description")).isEqualTo(ALL);

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("clause", "acceptable_use");
        request.put("justification", ALL);
        request.put("wantedUntil", TestClock.today().plusDays(3).toString());
        Response exception = as("employee", email).body(request).post("/api/v1/exceptions");
        assertJson(exception, 201);
        Response readException =
                as("employee", email).get("/api/v1/exceptions/" + exception.path("id"));
        assertJson(readException, 200);
        assertThat(readException.<String>path("justification")).isEqualTo(ALL);
    }

    /** JSON, not HTML: the browser must never sniff it into markup. */
    private static void assertJson(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.asString()).doesNotContain("&lt;", "&gt;", "&quot;", "&#");
    }
}
