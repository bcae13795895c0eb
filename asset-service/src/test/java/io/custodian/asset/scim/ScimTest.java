package io.custodian.asset.scim;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.scim.Scim.scim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.custodian.asset.Api;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SCIM 2.0 as Okta and Entra ID call it: real tokens, {@code application/scim+json}, every response
 * checked against the contract and every user against the RFC 7643 JSON Schemas.
 */
@QuarkusTest
class ScimTest {

    private static final String SCIM = Scim.MEDIA_TYPE;
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String PATCH_OP = Scim.PATCH_OP;
    private static final String CORE = Scim.CORE;
    private static final String ENTERPRISE =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema USER_SCHEMA = Scim.rfcSchema("user.json");
    private static final JsonSchema ENTERPRISE_SCHEMA = Scim.rfcSchema("enterprise-user.json");

    record User(String id, String userName, String externalId) {}

    @Test
    void shouldRefuseToProvisionAUserWhoIsAlreadyInactive() {
        String email = unique("locked") + "@example.com";
        Map<String, Object> body = new java.util.HashMap<>(user(email, unique("E"), "Lock", "Out"));
        body.put("active", false);

        scim().body(body)
                .post("/scim/v2/Users")
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("schemas", hasItems(ERROR))
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("active"));
        // no departed record that would lock the address's owner out
        scim().queryParam("filter", "userName eq \"" + email + "\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(0));
    }

    @Test
    void shouldCreateAUserWith201LocationAndMeta() {
        String email = unique("ada") + "@example.com";
        String employeeId = unique("E");
        Response created =
                scim().body(user(email, employeeId, "Ada", "Lovelace")).post("/scim/v2/Users");

        created.then()
                .statusCode(201)
                .contentType(startsWith(SCIM))
                .header("Location", startsWith("http"))
                .body("schemas", hasItems(CORE, ENTERPRISE))
                .body("userName", equalTo(email))
                .body("externalId", equalTo(employeeId))
                .body("name.givenName", equalTo("Ada"))
                .body("name.familyName", equalTo("Lovelace"))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("emails[0].value", equalTo(email))
                .body("active", equalTo(true))
                .body("meta.resourceType", equalTo("User"))
                .body("meta.created", notNullValue())
                .body("meta.lastModified", notNullValue())
                .body("meta.version", startsWith("W/\""));
        JsonNode user = json(created);
        assertScimUser(user);
        assertThat(created.header("Location")).isEqualTo(user.at("/meta/location").asText());
        assertThat(created.header("Location"))
                .endsWith("/scim/v2/Users/" + user.get("id").asText());
        assertThat(created.header("ETag")).isEqualTo(user.at("/meta/version").asText());

        Response read = scim().get(created.header("Location"));
        read.then().statusCode(200).contentType(startsWith(SCIM)).body("userName", equalTo(email));
        assertScimUser(json(read));
        // the same person in the directory
        asAdmin()
                .get("/api/v1/people/" + user.get("id").asText())
                .then()
                .statusCode(200)
                .body("employeeId", equalTo(employeeId))
                .body("email", equalTo(email))
                .body("status", equalTo("active"));
    }

    @Test
    void shouldKeepTheUserNameAsTheEmailWhenTheEmailsDiffer() {
        String upn = unique("ada") + "@corp.example.com";
        Map<String, Object> body = new HashMap<>(user(upn, unique("E"), "Ada", "L"));
        body.put(
                "emails",
                List.of(Map.of("value", unique("ada") + "@example.com", "primary", true)));

        // sent as plain application/json, which is accepted and answered as such
        as("hr-system", "hr@example.com")
                .body(body)
                .post("/scim/v2/Users")
                .then()
                .statusCode(201)
                .contentType(startsWith("application/json"))
                .body("userName", equalTo(upn))
                .body("emails.value", contains(upn));
    }

    @Test
    void shouldRefuseADuplicateUserNameOrExternalIdWith409Uniqueness() {
        User ada = create("Ada", "Lovelace");

        scim().body(user(ada.userName().toUpperCase(), unique("E"), "Ada", "Again"))
                .post("/scim/v2/Users")
                .then()
                .statusCode(409)
                .contentType(startsWith(SCIM))
                .body("schemas", contains(ERROR))
                .body("status", equalTo("409"))
                .body("scimType", equalTo("uniqueness"));
        scim().body(user(unique("other") + "@example.com", ada.externalId(), "Other", "One"))
                .post("/scim/v2/Users")
                .then()
                .statusCode(409)
                .body("scimType", equalTo("uniqueness"));
    }

    @Test
    void shouldFindAUserByUserNameOrExternalIdInAListResponse() {
        User ada = create("Ada", "Lovelace");
        create("Grace", "Hopper");

        Response found =
                scim().queryParam("filter", "userName eq \"" + ada.userName().toUpperCase() + "\"")
                        .get("/scim/v2/Users");
        found.then()
                .statusCode(200)
                .contentType(startsWith(SCIM))
                .body("schemas", contains(LIST))
                .body("totalResults", equalTo(1))
                .body("startIndex", equalTo(1))
                .body("itemsPerPage", equalTo(1))
                .body("Resources", hasSize(1))
                .body("Resources[0].id", equalTo(ada.id()));
        json(found).get("Resources").forEach(ScimTest::assertScimUser);

        scim().queryParam("filter", "externalId eq \"" + ada.externalId() + "\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(1))
                .body("Resources[0].userName", equalTo(ada.userName()));
        // what Entra ID sends first to check the connection: no match is an empty list
        scim().queryParam("filter", "userName eq \"" + unique("nobody") + "@example.com\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(0))
                .body("Resources", hasSize(0));
        scim().queryParam("filter", "title eq \"Engineer\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("status", equalTo("400"))
                .body("scimType", equalTo("invalidFilter"));
    }

    @Test
    void shouldPageWithStartIndexAndCount() {
        create("Page", "One");
        create("Page", "Two");

        Response first = scim().queryParam("count", 1).get("/scim/v2/Users");
        first.then()
                .statusCode(200)
                .body("itemsPerPage", equalTo(1))
                .body("startIndex", equalTo(1));
        int total = first.path("totalResults");
        assertThat(total).isGreaterThanOrEqualTo(2);
        Response second =
                scim().queryParam("startIndex", 2).queryParam("count", 1).get("/scim/v2/Users");
        second.then().statusCode(200).body("startIndex", equalTo(2)).body("Resources", hasSize(1));
        assertThat(second.<String>path("Resources[0].id"))
                .isNotEqualTo(first.<String>path("Resources[0].id"));
        scim().queryParam("startIndex", total + 1)
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("Resources", hasSize(0));
        scim().queryParam("count", "many")
                .get("/scim/v2/Users")
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"));
    }

    @Test
    void shouldAnswerAnUnknownUserWithA404ScimError() {
        for (String id : List.of("3b241101-e2bb-4255-8caf-4136c566a962", "not-a-uuid")) {
            scim().get("/scim/v2/Users/" + id)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith(SCIM))
                    .body("schemas", contains(ERROR))
                    .body("status", equalTo("404"))
                    .body("detail", equalTo("No user with id " + id + "."));
        }
        scim().get("/scim/v2/Bulk")
                .then()
                .statusCode(404)
                .contentType(startsWith(SCIM))
                .body("schemas", contains(ERROR));
    }

    @Test
    void shouldDeprovisionWithOktasPatchStartAnOffboardingAndIgnoreAReplay() throws Exception {
        User leaver = create("Alan", "Turing");
        String owned = createAsset(unique("DB"), "person", leaver.id());
        Map<String, Object> okta =
                Map.of(
                        "schemas",
                        List.of(PATCH_OP),
                        "Operations",
                        List.of(Map.of("op", "replace", "value", Map.of("active", false))));

        try (EventTap tap = new EventTap()) {
            Response patched = scim().body(okta).patch("/scim/v2/Users/" + leaver.id());
            patched.then()
                    .statusCode(200)
                    .contentType(startsWith(SCIM))
                    .body("active", equalTo(false));
            assertScimUser(json(patched));
            String offboarding = deprovisioned(leaver, owned);

            Response replay = scim().body(okta).patch("/scim/v2/Users/" + leaver.id());
            replay.then().statusCode(200).body("active", equalTo(false));
            assertThat(deprovisioned(leaver, owned)).isEqualTo(offboarding);
            tap.only(offboarding, "offboarding.started");
        }
    }

    @Test
    void shouldDeprovisionWithEntrasPatchAndIgnoreAReplay() {
        User leaver = create("Grace", "Hopper");
        String owned = createAsset(unique("DB"), "person", leaver.id());
        Map<String, Object> entra =
                Map.of(
                        "schemas",
                        List.of(PATCH_OP),
                        "Operations",
                        List.of(Map.of("op", "Replace", "path", "active", "value", "False")));

        scim().body(entra)
                .patch("/scim/v2/Users/" + leaver.id())
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        String offboarding = deprovisioned(leaver, owned);

        scim().body(entra)
                .patch("/scim/v2/Users/" + leaver.id())
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        assertThat(deprovisioned(leaver, owned)).isEqualTo(offboarding);
        // re-activating while the off-boarding is open is refused
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(PATCH_OP),
                                "Operations",
                                List.of(Map.of("op", "replace", "path", "active", "value", true))))
                .patch("/scim/v2/Users/" + leaver.id())
                .then()
                .statusCode(409)
                .body("schemas", contains(ERROR));
    }

    @Test
    void shouldTreatDeleteAsDeprovisioningWithTheResourceGoneButThePersonKept() {
        User leaver = create("Ada", "Byron");
        String owned = createAsset(unique("DB"), "person", leaver.id());

        scim().delete("/scim/v2/Users/" + leaver.id()).then().statusCode(204);
        String offboarding = deprovisioned(leaver, owned);
        // the SCIM resource is gone (RFC 7644 §3.6); the person and their off-boarding stay
        scim().delete("/scim/v2/Users/" + leaver.id())
                .then()
                .statusCode(404)
                .contentType(startsWith(SCIM));
        scim().get("/scim/v2/Users/" + leaver.id()).then().statusCode(404);
        scim().queryParam("filter", "userName eq \"" + leaver.userName() + "\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(0));
        assertThat(deprovisioned(leaver, owned)).isEqualTo(offboarding);

        // provisioned again: refused while the off-boarding is open, then the same person back
        Map<String, Object> again = user(leaver.userName(), leaver.externalId(), "Ada", "Byron");
        scim().body(again).post("/scim/v2/Users").then().statusCode(409);
        scim().get("/scim/v2/Users/" + leaver.id()).then().statusCode(404);
        changeOwner(owned, createPerson(unique("heir") + "@example.com"));
        asAdmin().get("/api/v1/people/" + leaver.id()).then().body("status", equalTo("departed"));
        scim().body(again)
                .post("/scim/v2/Users")
                .then()
                .statusCode(201)
                .body("id", equalTo(leaver.id()))
                .body("active", equalTo(true));
        scim().get("/scim/v2/Users/" + leaver.id()).then().statusCode(200);
        asAdmin().get("/api/v1/people/" + leaver.id()).then().body("status", equalTo("active"));
    }

    @Test
    void shouldPatchNameEmailExternalIdAndManager() {
        User manager = create("Mary", "Manager");
        User ada = create("Ada", "Lovelace");
        String newEmail = unique("ada.king") + "@example.com";
        String newEmployeeId = unique("E");
        Map<String, Object> entra =
                Map.of(
                        "schemas",
                        List.of(PATCH_OP),
                        "Operations",
                        List.of(
                                Map.of("op", "Replace", "path", "name.familyName", "value", "King"),
                                Map.of(
                                        "op",
                                        "Replace",
                                        "path",
                                        "emails[type eq \"work\"].value",
                                        "value",
                                        newEmail),
                                Map.of(
                                        "op",
                                        "Replace",
                                        "path",
                                        "externalId",
                                        "value",
                                        newEmployeeId),
                                Map.of(
                                        "op",
                                        "Add",
                                        "path",
                                        ENTERPRISE + ":manager",
                                        "value",
                                        manager.id())));

        Response patched = scim().body(entra).patch("/scim/v2/Users/" + ada.id());
        patched.then()
                .statusCode(200)
                .body("name.givenName", equalTo("Ada"))
                .body("name.familyName", equalTo("King"))
                .body("userName", equalTo(newEmail))
                .body("emails[0].value", equalTo(newEmail))
                .body("externalId", equalTo(newEmployeeId))
                .body("'" + ENTERPRISE + "'.employeeNumber", equalTo(newEmployeeId))
                .body("'" + ENTERPRISE + "'.manager.value", equalTo(manager.id()))
                .body("active", equalTo(true));
        assertScimUser(json(patched));

        // Okta's shape: a value object without a path; the manager by employee id
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(PATCH_OP),
                                "Operations",
                                List.of(
                                        Map.of(
                                                "op",
                                                "replace",
                                                "value",
                                                Map.of(
                                                        "displayName",
                                                        "Ada King",
                                                        ENTERPRISE,
                                                        Map.of(
                                                                "manager",
                                                                Map.of(
                                                                        "value",
                                                                        manager.externalId())))))))
                .patch("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Ada King"))
                .body("'" + ENTERPRISE + "'.manager.value", equalTo(manager.id()));
        asAdmin()
                .get("/api/v1/people/" + ada.id())
                .then()
                .body("manager.id", equalTo(manager.id()))
                .body("email", equalTo(newEmail));
    }

    @Test
    void shouldReplaceAUserWithPutAndCheckIfMatch() {
        User ada = create("Ada", "Lovelace");
        Response read = scim().get("/scim/v2/Users/" + ada.id());
        String etag = read.header("ETag");
        Map<String, Object> body = user(ada.userName(), ada.externalId(), "Augusta", "Lovelace");

        scim().header("If-Match", etag)
                .body(body)
                .put("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(200)
                .body("name.givenName", equalTo("Augusta"))
                .body("displayName", equalTo("Augusta Lovelace"));
        // a stale replace that would change something is refused, and changes nothing
        scim().header("If-Match", etag)
                .body(user(ada.userName(), ada.externalId(), "Ada", "King"))
                .put("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(412)
                .contentType(startsWith(SCIM))
                .body("status", equalTo("412"));
        scim().get("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(200)
                .body("name.givenName", equalTo("Augusta"))
                .body("name.familyName", equalTo("Lovelace"));
    }

    @Test
    void shouldAnswerBadRequestsWithScimErrors() {
        User ada = create("Ada", "Lovelace");
        scim().body("{\"userName\": ")
                .post("/scim/v2/Users")
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("scimType", equalTo("invalidSyntax"));
        scim().body(Map.of("userName", "not-an-email", "externalId", unique("E")))
                .post("/scim/v2/Users")
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        scim().body(Map.of("userName", unique("x") + "@example.com"))
                .post("/scim/v2/Users")
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(PATCH_OP),
                                "Operations",
                                List.of(
                                        Map.of(
                                                "op", "replace", "path", "active", "value",
                                                "maybe"))))
                .patch("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(PATCH_OP),
                                "Operations",
                                List.of(
                                        Map.of(
                                                "op",
                                                "remove",
                                                "path",
                                                "emails[type eq \"work\"]"))))
                .patch("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(200);
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(PATCH_OP),
                                "Operations",
                                List.of(Map.of("op", "remove"))))
                .patch("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(400)
                .body("scimType", equalTo("noTarget"));

        // a name that would break a mail subject, a NUL PostgreSQL can't store, a PatchOp without
        // its schema
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(PATCH_OP),
                                "Operations",
                                List.of(
                                        Map.of(
                                                "op",
                                                "replace",
                                                "path",
                                                "displayName",
                                                "value",
                                                "Ada\r\nBcc: attacker@example.com"))))
                .patch("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("single line"));
        scim().body(
                        "{\"userName\":\"nul\\u0000@example.com\",\"externalId\":\""
                                + unique("E")
                                + "\"}")
                .post("/scim/v2/Users")
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("detail", containsString("U+0000"));
        scim().body(
                        Map.of(
                                "Operations",
                                List.of(Map.of("op", "replace", "path", "active", "value", false))))
                .patch("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
        scim().get("/scim/v2/Users/" + ada.id())
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("displayName", not(containsString("Bcc")));
    }

    @Test
    void shouldRefuseOtherRolesAndNoTokenInScimErrorFormat() {
        as("employee", "someone@example.com")
                .accept(SCIM)
                .get("/scim/v2/Users")
                .then()
                .statusCode(403)
                .contentType(startsWith(SCIM))
                .body("schemas", contains(ERROR))
                .body("status", equalTo("403"));
        as("leadership", "ceo@example.com")
                .contentType(SCIM)
                .accept(SCIM)
                .body(user(unique("x") + "@example.com", unique("E"), "X", "Y"))
                .post("/scim/v2/Users")
                .then()
                .statusCode(403)
                .body("status", equalTo("403"));
        Api.anonymous()
                .accept(SCIM)
                .get("/scim/v2/ServiceProviderConfig")
                .then()
                .statusCode(401)
                .contentType(startsWith(SCIM))
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo("401"));
        // the rest of the API keeps problem+json
        as("employee", "someone@example.com")
                .get("/api/v1/people/3b241101-e2bb-4255-8caf-4136c566a962")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldAnswerTheDiscoveryEndpoints() {
        scim().get("/scim/v2/ServiceProviderConfig")
                .then()
                .statusCode(200)
                .contentType(startsWith(SCIM))
                .body("patch.supported", equalTo(true))
                .body("filter.supported", equalTo(true))
                .body("filter.maxResults", equalTo(200))
                .body("bulk.supported", equalTo(false))
                .body("etag.supported", equalTo(true))
                .body("authenticationSchemes[0].type", equalTo("oauthbearertoken"));
        scim().get("/scim/v2/ResourceTypes")
                .then()
                .statusCode(200)
                .body("schemas", contains(LIST))
                .body("Resources[0].id", equalTo("User"))
                .body("Resources[0].endpoint", equalTo("/Users"))
                .body("Resources[0].schemaExtensions[0].schema", equalTo(ENTERPRISE))
                .body(
                        "Resources[0].schemaExtensions[1].schema",
                        equalTo("urn:ietf:params:scim:schemas:extension:custodian:2.0:User"));
        scim().get("/scim/v2/ResourceTypes/User")
                .then()
                .statusCode(200)
                .body("schema", equalTo(CORE));
        scim().get("/scim/v2/Schemas")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(4))
                .body(
                        "Resources.id",
                        contains(
                                CORE,
                                ENTERPRISE,
                                "urn:ietf:params:scim:schemas:extension:custodian:2.0:User",
                                "urn:ietf:params:scim:schemas:core:2.0:Group"));
        scim().get("/scim/v2/Schemas/" + CORE)
                .then()
                .statusCode(200)
                .body("attributes.name", hasItems("userName", "name", "active", "emails"));
        // plain JSON is accepted and answered too
        as("hr-system", "hr@example.com")
                .get("/scim/v2/ServiceProviderConfig")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
    }

    // --- helpers -----------------------------------------------------------------------------

    private static Map<String, Object> user(
            String email, String employeeId, String given, String family) {
        return Map.of(
                "schemas",
                List.of(CORE, ENTERPRISE),
                "userName",
                email,
                "externalId",
                employeeId,
                "name",
                Map.of("givenName", given, "familyName", family),
                "emails",
                List.of(Map.of("value", email, "type", "work", "primary", true)),
                "active",
                true,
                // what Okta and Entra ID send besides: accepted and ignored
                "title",
                "Engineer",
                "phoneNumbers",
                List.of(Map.of("value", "+44 20 7946 0000", "type", "work")));
    }

    private static User create(String given, String family) {
        String email = unique(given.toLowerCase()) + "@example.com";
        String employeeId = unique("E");
        String id =
                scim().body(user(email, employeeId, given, family))
                        .post("/scim/v2/Users")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return new User(id, email, employeeId);
    }

    /**
     * The person is leaving and has exactly one open off-boarding, from SCIM, with today as the
     * last working day and the asset they own to hand over; returns its id.
     */
    private static String deprovisioned(User user, String ownedAsset) {
        asAdmin()
                .get("/api/v1/people/" + user.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("leaving"));
        Response mine = as("employee", user.userName()).get("/api/v1/offboardings");
        mine.then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("open"))
                .body("items[0].source", equalTo("scim"))
                .body("items[0].lastWorkingDay", equalTo(TestClock.today().toString()))
                .body("items[0].items", hasSize(1))
                .body("items[0].items[0].kind", equalTo("ownership_transfer"))
                .body("items[0].items[0].asset.id", equalTo(ownedAsset));
        return mine.path("items[0].id");
    }

    private static void changeOwner(String asset, String personId) {
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("type", "person", "id", personId))
                .put("/api/v1/assets/" + asset + "/owner")
                .then()
                .statusCode(200);
    }

    private static void assertScimUser(JsonNode user) {
        assertThat(USER_SCHEMA.validate(user)).isEmpty();
        assertThat(user.has(ENTERPRISE)).isTrue();
        assertThat(ENTERPRISE_SCHEMA.validate(user.get(ENTERPRISE))).isEmpty();
    }

    private static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
