package io.custodian.asset.scim;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.scim.Scim.scim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SCIM's read-only attributes ({@code id}, {@code meta}, {@code groups}; a group's {@code id} and
 * {@code meta}) and anything that looks like a role are never applied: RFC 7643 §2.2 has a service
 * provider ignore read-only values in a request, and Custodian's roles come from the identity
 * provider's token, never from SCIM.
 */
@QuarkusTest
class ScimMassAssignmentTest {

    private static final String SCIM = Scim.MEDIA_TYPE;
    private static final String CORE = Scim.CORE;
    private static final String PATCH_OP = Scim.PATCH_OP;
    private static final Map<String, Object> FORGED_META =
            Map.of(
                    "resourceType", "Group",
                    "created", "2001-01-01T00:00:00Z",
                    "lastModified", "2001-01-01T00:00:00Z",
                    "location", "https://evil.example/Users/1",
                    "version", "W/\"999\"");

    @Test
    void shouldIgnoreIdMetaGroupsAndRolesWhenCreatingAUser() {
        String forgedId = UUID.randomUUID().toString();
        String email = unique("ada") + "@example.com";
        Map<String, Object> body = user(email, unique("E"));
        body.put("id", forgedId);
        body.put("meta", FORGED_META);
        body.put("groups", List.of(Map.of("value", "asset-admin", "display", "asset-admin")));
        body.put("roles", List.of(Map.of("value", "leadership", "primary", true)));
        body.put("entitlements", List.of(Map.of("value", "asset-admin")));

        Response created = scim().body(body).post("/scim/v2/Users");
        created.then().statusCode(201).body("userName", equalTo(email));
        String id = created.path("id");

        assertThat(id).isNotEqualTo(forgedId);
        assertFresh(created);
        assertThat(created.header("Location")).endsWith("/scim/v2/Users/" + id);
        assertThat(created.asString()).doesNotContain("asset-admin", "leadership", "evil");
        asAdmin().get("/api/v1/people/" + forgedId).then().statusCode(404);
        asAdmin()
                .get("/api/v1/people/" + id)
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("status", equalTo("active"));
    }

    @Test
    void shouldKeepTheIdAndMetaOfAUserThatAPutTriesToRewrite() {
        String email = unique("lin") + "@example.com";
        String employeeId = unique("E");
        Response created = scim().body(user(email, employeeId)).post("/scim/v2/Users");
        String id = created.path("id");
        String createdAt = created.path("meta.created");
        String other = UUID.randomUUID().toString();

        Map<String, Object> body = user(email, employeeId);
        body.put("id", other);
        body.put("meta", FORGED_META);
        body.put("groups", List.of(Map.of("value", "asset-admin")));
        Response replaced =
                scim().header("If-Match", created.header("ETag"))
                        .body(body)
                        .put("/scim/v2/Users/" + id);

        replaced.then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("meta.created", equalTo(createdAt))
                .body("meta.version", not(equalTo("W/\"999\"")))
                .body("meta.location", not(equalTo("https://evil.example/Users/1")));
        assertThat(replaced.asString()).doesNotContain("asset-admin");
        asAdmin().get("/api/v1/people/" + other).then().statusCode(404);
    }

    @Test
    void shouldRefuseAPatchOfIdMetaOrGroupsByPathAndIgnoreThemInAValue() {
        String email = unique("kay") + "@example.com";
        Response created = scim().body(user(email, unique("E"))).post("/scim/v2/Users");
        String id = created.path("id");
        String createdAt = created.path("meta.created");
        String other = UUID.randomUUID().toString();

        List<Map<String, Object>> operations =
                List.of(
                        Map.of("op", "replace", "path", "id", "value", other),
                        Map.of("op", "replace", "path", "meta.created", "value", "2001-01-01"),
                        Map.of(
                                "op",
                                "add",
                                "path",
                                "groups",
                                "value",
                                List.of(Map.of("value", "x"))),
                        Map.of("op", "remove", "path", "meta"),
                        Map.of("op", "replace", "path", CORE + ":id", "value", other),
                        Map.of("op", "replace", "value", Map.of("id", other, "meta", FORGED_META)));
        for (Map<String, Object> operation : operations) {
            Response patched =
                    scim().body(
                                    Map.of(
                                            "schemas",
                                            List.of(PATCH_OP),
                                            "Operations",
                                            List.of(operation)))
                            .patch("/scim/v2/Users/" + id);
            if (operation.containsKey("path")) {
                // named by path: refused, as RFC 7644 §3.5.2 says
                patched.then()
                        .statusCode(400)
                        .contentType(startsWith(SCIM))
                        .body("scimType", equalTo("mutability"));
            } else {
                // inside a value object without a path: ignored, as in a PUT body
                patched.then().statusCode(200).body("id", equalTo(id));
            }
            Response read = scim().get("/scim/v2/Users/" + id);
            read.then()
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("meta.created", equalTo(createdAt))
                    .body("userName", equalTo(email));
            assertThat(read.asString()).doesNotContain("\"groups\"");
        }
        asAdmin().get("/api/v1/people/" + other).then().statusCode(404);
    }

    @Test
    void shouldIgnoreTheIdAndMetaAGroupPushOrPutTries() {
        String forgedId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>(Scim.group(unique("Team"), List.of()));
        body.put("id", forgedId);
        body.put("meta", FORGED_META);

        Response created = scim().body(body).post("/scim/v2/Groups");
        created.then().statusCode(201).body("meta.resourceType", equalTo("Group"));
        String id = created.path("id");
        assertThat(id).isNotEqualTo(forgedId);
        assertThat(created.asString()).doesNotContain("evil", "2001-01-01");
        asAdmin().get("/api/v1/groups/" + forgedId).then().statusCode(404);

        Response replaced = scim().body(body).put("/scim/v2/Groups/" + id);
        replaced.then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("meta.created", equalTo(created.path("meta.created")))
                .body("meta.version", not(equalTo("W/\"999\"")));
        asAdmin().get("/api/v1/groups/" + forgedId).then().statusCode(404);
    }

    private static void assertFresh(Response user) {
        Instant created = Instant.parse(user.path("meta.created"));
        assertThat(Duration.between(created, TestClock.now()).abs())
                .isLessThan(Duration.ofMinutes(5));
        assertThat(user.<String>path("meta.resourceType")).isEqualTo("User");
        assertThat(user.<String>path("meta.version")).isNotEqualTo("W/\"999\"");
    }

    private static Map<String, Object> user(String email, String employeeId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("schemas", List.of(CORE));
        user.put("userName", email);
        user.put("externalId", employeeId);
        user.put("name", Map.of("givenName", "Ada", "familyName", "Lovelace"));
        user.put("active", true);
        return user;
    }
}
