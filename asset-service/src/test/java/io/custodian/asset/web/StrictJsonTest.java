package io.custodian.asset.web;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every body is read by one set of rules: the contract's JSON types without coercion, storable text
 * only, one line except in free-text fields, dates in a sane range. Each refusal is a problem
 * naming the field, and nothing is written.
 */
@QuarkusTest
class StrictJsonTest {

    @Test
    void shouldRefuseANulCharacterInAnyStringNamingTheField() {
        Response nul =
                asAdmin()
                        .body("{\"name\":\"a\\u0000b\",\"contactEmail\":\"g@example.com\"}")
                        .post("/api/v1/groups");
        assertProblem(nul, 422, "name", "U+0000");

        Response surrogate =
                asAdmin()
                        .body("{\"name\":\"a\\ud800b\",\"contactEmail\":\"g@example.com\"}")
                        .post("/api/v1/groups");
        assertProblem(surrogate, 422, "name", "lone surrogate");
    }

    @Test
    void shouldRefuseALineBreakInANameButKeepItInFreeText() {
        String group = createGroup(unique("G"));
        Map<String, Object> owner = Map.of("type", "group", "id", group);
        Response name =
                asAdmin()
                        .body(
                                Map.of(
                                        "assetTag", unique("CRLF"),
                                        "name", "Laptop\r\nBcc: attacker@example.com",
                                        "category", "laptop",
                                        "classification", "internal",
                                        "owner", owner))
                        .post("/api/v1/assets");
        assertProblem(name, 422, "name", "single line");

        Response notes =
                asAdmin()
                        .body(
                                Map.of(
                                        "assetTag", unique("CRLF"),
                                        "name", "Laptop",
                                        "category", "laptop",
                                        "classification", "internal",
                                        "notes", "line one\r\nline two\ttabbed",
                                        "owner", owner))
                        .post("/api/v1/assets");
        assertThat(notes.statusCode()).as(notes.asString()).isEqualTo(201);
        assertThat(notes.<String>path("notes")).isEqualTo("line one\r\nline two\ttabbed");

        Response bell =
                asAdmin()
                        .body(
                                Map.of(
                                        "assetTag", unique("BEL"),
                                        "name", "Laptop",
                                        "category", "laptop",
                                        "classification", "internal",
                                        "notes", "ring \u0007",
                                        "owner", owner))
                        .post("/api/v1/assets");
        assertProblem(bell, 422, "notes", "U+0007");
    }

    @Test
    void shouldRefuseAValueOfTheWrongJsonTypeWithoutCoercingIt() {
        Response number =
                asAdmin()
                        .body("{\"name\":12,\"contactEmail\":\"g@example.com\"}")
                        .post("/api/v1/groups");
        assertProblem(number, 400, "name", "expected a string");

        Response array =
                asAdmin()
                        .body("{\"name\":[],\"contactEmail\":\"g@example.com\"}")
                        .post("/api/v1/groups");
        assertProblem(array, 400, "name", "expected a string");

        String group = createGroup(unique("G"));
        Response owner =
                asAdmin()
                        .body(
                                Map.of(
                                        "assetTag", unique("T"),
                                        "name", "Laptop",
                                        "category", "laptop",
                                        "classification", "internal",
                                        "owner", "group:" + group))
                        .post("/api/v1/assets");
        assertProblem(owner, 400, "owner", "expected a JSON object");

        Response flag =
                asAdmin()
                        .body(
                                Map.of(
                                        "assetTag",
                                        unique("T"),
                                        "name",
                                        "Laptop",
                                        "category",
                                        "laptop",
                                        "classification",
                                        "internal",
                                        "posture",
                                        Map.of("diskEncrypted", "yes"),
                                        "owner",
                                        Map.of("type", "group", "id", group)))
                        .post("/api/v1/assets");
        assertProblem(flag, 400, "posture.diskEncrypted", "expected true or false");
    }

    @Test
    void shouldRefuseABodyThatIsNotAJsonObject() {
        for (String body : new String[] {"[]", "123", "\"x\"", "true"}) {
            Response response = asAdmin().body(body).post("/api/v1/groups");
            assertProblem(response, 400, "body", "expected a JSON object");
        }
        Response nothing = asAdmin().body("null").post("/api/v1/groups");
        assertThat(nothing.statusCode()).as(nothing.asString()).isBetween(400, 422);
        assertThat(nothing.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void shouldRefuseADateOutsideTheRegistersRange() {
        String email = unique("far") + "@example.com";
        String asset = createAsset(unique("FAR"), "person", createPerson(email));
        for (String when :
                new String[] {
                    "-290000-01-01T00:00:00Z", "+290000-01-01T00:00:00Z", "1066-10-14T09:00:00Z"
                }) {
            Response response =
                    as("employee", email)
                            .body(
                                    Map.of(
                                            "assetId", asset,
                                            "kind", "lost",
                                            "occurredAt", when))
                            .post("/api/v1/incidents");
            assertThat(response.statusCode()).as(when + ": " + response.asString()).isIn(400, 422);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(response.asString()).contains("occurredAt");
        }
        Response epoch =
                as("employee", email)
                        .body(
                                Map.of(
                                        "assetId",
                                        asset,
                                        "kind",
                                        "lost",
                                        "occurredAt",
                                        TestClock.now().getEpochSecond()))
                        .post("/api/v1/incidents");
        assertProblem(epoch, 400, "occurredAt", "expected a string");
    }

    static void assertProblem(Response response, int status, String field, String message) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.<Integer>path("status")).isEqualTo(status);
        assertThat(response.<String>path("errors[0].field")).isEqualTo(field);
        assertThat(response.<String>path("errors[0].message")).contains(message);
    }
}
