package io.custodian.asset.scim;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.scim.Scim.scim;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Filters as RFC 7644 §3.4.2.2 writes them, on the attributes Custodian keeps: eq, ne, co, sw, ew
 * and pr, with and, or, not and parentheses; anything else is invalidFilter.
 */
@QuarkusTest
class ScimFilterTest {

    private static final String SCIM = Scim.MEDIA_TYPE;

    @Test
    void shouldFindUsersByEveryOperatorAndCombination() {
        String team = unique("team").toLowerCase();
        String ada = create(team + ".ada@example.com", "Ada", "Lovelace");
        String alan = create(team + ".alan@example.com", "Alan", "Turing");
        String grace = create(team + ".grace@example.org", "Grace", "Hopper");

        assertFound("userName sw \"" + team.toUpperCase() + "\"", ada, alan, grace);
        assertFound("userName sw \"" + team + "\" and userName ew \"example.com\"", ada, alan);
        assertFound(
                "userName sw \""
                        + team
                        + "\" and (name.givenName eq \"ada\" or name.familyName co \"OPP\")",
                ada,
                grace);
        assertFound("userName sw \"" + team + "\" and not (displayName co \"a\")", new String[0]);
        assertFound("userName sw \"" + team + "\" and displayName sw \"Alan\"", alan);
        assertFound("emails[type eq \"work\"].value eq \"" + team + ".grace@example.org\"", grace);
        assertFound(
                "userName sw \"" + team + "\" and active eq true and externalId pr",
                ada,
                alan,
                grace);
        assertFound("userName sw \"" + team + "\" and active eq false", new String[0]);
        assertFound(
                "userName sw \"" + team + "\" and userName ne \"" + team + ".ada@example.com\"",
                alan,
                grace);
        // wildcards are literal
        assertFound("userName co \"%\"", new String[0]);
    }

    @Test
    void shouldRefuseWhatItCannotFilterBy() {
        for (String filter :
                List.of(
                        "title eq \"Engineer\"",
                        "userName gt \"a\"",
                        "userName eq",
                        "(userName eq \"a\"",
                        "userName eq \"a\" and",
                        "active eq \"yes\"",
                        "userName eq 42")) {
            scim().queryParam("filter", filter)
                    .get("/scim/v2/Users")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith(SCIM))
                    .body("scimType", equalTo("invalidFilter"));
        }
    }

    @Test
    void shouldReturnOnlyTheAttributesAskedForOrAllButTheExcluded() {
        String email = unique("lin") + "@example.com";
        String id = create(email, "Lin", "Wu");

        scim().queryParam("attributes", "userName,NAME.familyName")
                .get("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("schemas", hasItem(Scim.CORE))
                .body("userName", equalTo(email))
                .body("name.familyName", equalTo("Wu"))
                .body("name.givenName", nullValue())
                .body("displayName", nullValue())
                .body("meta", nullValue());
        scim().queryParam(
                        "excludedAttributes",
                        "meta,id,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                .queryParam("filter", "id eq \"" + id + "\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("Resources[0].id", equalTo(id))
                .body("Resources[0].userName", equalTo(email))
                .body("Resources[0].meta", nullValue())
                .body(
                        "Resources[0].'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'",
                        nullValue());
    }

    @Test
    void shouldKeepTheUserNameAsSentAndMatchItCaseInsensitively() {
        String sent = "Ada.Lovelace." + unique("X") + "@Example.COM";
        String id = create(sent, "Ada", "Lovelace");

        scim().get("/scim/v2/Users/" + id).then().body("userName", equalTo(sent));
        // a later PATCH of something else keeps it as sent
        scim().body(Scim.patchOp(Scim.op("replace", "displayName", "Ada King")))
                .patch("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .body("userName", equalTo(sent));
        assertFound("userName eq \"" + sent.toLowerCase() + "\"", id);
        asAdmin().get("/api/v1/people/" + id).then().body("email", equalTo(sent.toLowerCase()));
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(Scim.CORE),
                                "userName",
                                sent.toUpperCase(),
                                "externalId",
                                unique("E")))
                .post("/scim/v2/Users")
                .then()
                .statusCode(409)
                .body("scimType", equalTo("uniqueness"));
    }

    private static void assertFound(String filter, String... ids) {
        scim().queryParam("filter", filter)
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(ids.length))
                .body("Resources.id", containsInAnyOrder((Object[]) ids));
    }

    private static String create(String email, String given, String family) {
        return Scim.createUser(
                email,
                given + " " + family,
                Map.of("name", Map.of("givenName", given, "familyName", family)));
    }
}
