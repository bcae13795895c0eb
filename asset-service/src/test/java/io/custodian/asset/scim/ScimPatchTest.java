package io.custodian.asset.scim;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.scim.Scim.scim;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PATCH as RFC 7644 §3.5.2 says, in the shapes Okta and Entra ID send: the login changes only by an
 * explicit replace, a message that is not a PatchOp or names an attribute no schema declares or
 * gives a value of the wrong type is refused with its {@code scimType} and changes nothing.
 */
@QuarkusTest
class ScimPatchTest {

    private static final String SCIM = Scim.MEDIA_TYPE;
    private static final String PATCH_OP = Scim.PATCH_OP;
    private static final String CORE = Scim.CORE;

    @Test
    void shouldNeverMoveTheLoginByAddingAnAddress() {
        String[] user = create();
        String id = user[0];
        String login = user[1];
        for (Map<String, Object> add :
                List.of(
                        Map.<String, Object>of(
                                "op",
                                "add",
                                "path",
                                "emails",
                                "value",
                                List.of(Map.of("value", "p@example.org", "type", "home"))),
                        Map.<String, Object>of(
                                "op",
                                "add",
                                "value",
                                Map.of(
                                        "emails",
                                        List.of(
                                                Map.of(
                                                        "value",
                                                        "q@example.org",
                                                        "type",
                                                        "home",
                                                        "primary",
                                                        true)))),
                        Map.<String, Object>of(
                                "op",
                                "replace",
                                "path",
                                "emails[type eq \"home\"].value",
                                "value",
                                "r@example.org"))) {
            patch(id, add).then().statusCode(200).body("userName", equalTo(login));
        }
        scim().get("/scim/v2/Users/" + id).then().body("emails[0].value", equalTo(login));
        asAdmin().get("/api/v1/people/" + id).then().body("email", equalTo(login));
    }

    @Test
    void shouldChangeTheLoginByAnExplicitReplaceInEitherVendorsShape() {
        String id = create()[0];
        String okta = unique("okta") + "@example.com";
        patch(
                        id,
                        Map.of(
                                "op",
                                "replace",
                                "value",
                                Map.of(
                                        "emails",
                                        List.of(
                                                Map.of("value", "home@example.org", "type", "home"),
                                                Map.of(
                                                        "value", okta, "type", "work", "primary",
                                                        true)))))
                .then()
                .statusCode(200)
                .body("userName", equalTo(okta));
        // Entra ID: the work address through a value filter, its value an array of the entry
        String entra = unique("entra") + "@example.com";
        patch(
                        id,
                        Map.of(
                                "op",
                                "Replace",
                                "path",
                                "emails[type eq \"work\"]",
                                "value",
                                List.of(Map.of("value", entra, "type", "work", "primary", true))))
                .then()
                .statusCode(200)
                .body("userName", equalTo(entra));
        asAdmin().get("/api/v1/people/" + id).then().body("email", equalTo(entra));
    }

    @Test
    void shouldRefuseAnInvalidPatchAndChangeNothing() {
        String[] user = create();
        String id = user[0];
        String login = user[1];
        String version = scim().get("/scim/v2/Users/" + id).then().extract().path("meta.version");

        // not a PatchOp message alone
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(PATCH_OP, CORE),
                                "Operations",
                                List.of(
                                        Map.of(
                                                "op",
                                                "replace",
                                                "path",
                                                "displayName",
                                                "value",
                                                "X"))))
                .patch("/scim/v2/Users/" + id)
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("scimType", equalTo("invalidSyntax"));
        // paths no schema declares, with and without a value filter, and in a value object
        for (Map<String, Object> unknown :
                List.of(
                        Map.<String, Object>of("op", "replace", "path", "fooBar", "value", "x"),
                        Map.<String, Object>of(
                                "op",
                                "replace",
                                "path",
                                "emailssssss[type eq \"work\"]",
                                "value",
                                "x@example.com"),
                        Map.<String, Object>of("op", "remove", "path", "fooBar"),
                        Map.<String, Object>of(
                                "op", "add", "value", Map.of("displayName", "Y", "fooBar", "x")),
                        Map.<String, Object>of(
                                "op",
                                "replace",
                                "path",
                                "displayName[value eq \"x\"]",
                                "value",
                                "x"))) {
            patch(id, unknown)
                    .then()
                    .statusCode(400)
                    .contentType(startsWith(SCIM))
                    .body("scimType", equalTo("invalidPath"));
        }
        // a value of the wrong type, for an attribute kept and one that is not
        for (Map<String, Object> wrong :
                List.of(
                        Map.<String, Object>of("op", "replace", "path", "userType", "value", true),
                        Map.<String, Object>of("op", "replace", "path", "displayName", "value", 7),
                        Map.<String, Object>of(
                                "op", "replace", "path", "name", "value", "Ada Lovelace"),
                        Map.<String, Object>of(
                                "op", "replace", "value", Map.of("name.givenName", false)))) {
            patch(id, wrong)
                    .then()
                    .statusCode(400)
                    .contentType(startsWith(SCIM))
                    .body("scimType", equalTo("invalidValue"));
        }
        scim().get("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .body("meta.version", equalTo(version))
                .body("userName", equalTo(login))
                .body("displayName", equalTo("Ada Lovelace"));

        // a declared attribute Custodian does not keep is accepted, type-checked, not kept
        patch(id, Map.of("op", "replace", "path", "nickName", "value", "Countess"))
                .then()
                .statusCode(200)
                .body("userName", equalTo(login));
    }

    @Test
    void shouldAnswerACurrentCopyWith304AndAStaleOneWithTheEtagAsScimWritesIt() {
        String id = create()[0];
        String version = scim().get("/scim/v2/Users/" + id).then().extract().header("ETag");
        scim().header("If-None-Match", version)
                .get("/scim/v2/Users/" + id)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(version));
        patch(id, Map.of("op", "replace", "path", "displayName", "value", "Ada King"))
                .then()
                .statusCode(200);
        scim().header("If-None-Match", version)
                .get("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Ada King"));
        scim().header("If-Match", version)
                .body(Scim.patchOp(Scim.op("replace", "displayName", "X")))
                .patch("/scim/v2/Users/" + id)
                .then()
                .statusCode(412)
                .contentType(startsWith(SCIM))
                .body("detail", containsString("If-Match " + version))
                .body("detail", containsString("current ETag W/\""));
    }

    @Test
    void shouldRefuseAnExtensionTheUserDoesNotListInItsSchemas() {
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(CORE),
                                "userName",
                                unique("x") + "@example.com",
                                "externalId",
                                unique("E"),
                                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                                Map.of("department", "IT")))
                .post("/scim/v2/Users")
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("schemas does not list it"));
    }

    private static io.restassured.response.Response patch(String id, Map<String, Object> op) {
        return scim().body(Scim.patchOp(op)).patch("/scim/v2/Users/" + id);
    }

    /** A new user: its id and its login. */
    private static String[] create() {
        String email = unique("ada") + "@example.com";
        String id =
                Scim.createUser(
                        email,
                        "Ada Lovelace",
                        Map.of(
                                "emails",
                                List.of(Map.of("value", email, "type", "work", "primary", true))));
        return new String[] {id, email};
    }
}
