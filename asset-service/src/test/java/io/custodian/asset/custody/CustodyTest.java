package io.custodian.asset.custody;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.publishAcceptableUse;
import static io.custodian.asset.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Custody and acceptable use together: the policy says a person follows the acceptable-use rules,
 * so nobody receives an asset before acknowledging the rules in force. Tests publish their own
 * versions (the newest is current), so each test acknowledges what it published.
 */
@QuarkusTest
class CustodyTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldRefuseACheckoutUntilThePersonAcknowledgedTheCurrentRules() {
        publishAcceptableUse(unique("v"));
        String email = unique("ada") + "@example.com";
        String person = createPerson(email);
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));

        checkout(asset, person)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("personId"))
                .body("detail", containsString("acceptable-use"));
        asAdmin()
                .get("/api/v1/assets/" + asset)
                .then()
                .body("status", equalTo("in_stock"))
                .body("holder", nullValue());

        as("employee", email)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);
        as("employee", email)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(200);

        checkout(asset, person)
                .then()
                .statusCode(200)
                .body("status", equalTo("in_use"))
                .body("holder.id", equalTo(person))
                .body("holder.email", equalTo(email));
        as("employee", email)
                .get("/api/v1/me/assets")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(asset));
        as("employee", email).get("/api/v1/assets/" + asset).then().statusCode(200);
    }

    @Test
    void shouldRequireEveryoneToAcknowledgeAgainAfterANewVersion() {
        publishAcceptableUse(unique("v"));
        String email = unique("grace") + "@example.com";
        String person = createPerson(email);
        as("employee", email)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);
        as("employee", email)
                .get("/api/v1/acceptable-use/current")
                .then()
                .body("acknowledgedAt", notNullValue());

        String next = unique("v");
        publishAcceptableUse(next);

        as("employee", email)
                .get("/api/v1/acceptable-use/current")
                .then()
                .statusCode(200)
                .body("version", equalTo(next))
                .body("acknowledgedAt", nullValue());
        checkout(createAsset(unique("LT"), "group", createGroup(unique("G"))), person)
                .then()
                .statusCode(409)
                .body("errors[0].message", containsString(next));
    }

    @Test
    void shouldCheckInWithAConditionNoteAndReleaseTheHolder() {
        String asset = handedOut();

        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("condition", "Scratch on the lid"))
                .post("/api/v1/assets/" + asset + "/checkin")
                .then()
                .statusCode(200)
                .body("status", equalTo("in_stock"))
                .body("holder", nullValue());
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of())
                .post("/api/v1/assets/" + asset + "/checkin")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
    }

    @Test
    void shouldRefuseToHandOutAnAssetThatIsNotAvailable() {
        String asset = handedOut();
        String email = unique("bob") + "@example.com";
        String other = createPerson(email);
        as("employee", email)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);

        checkout(asset, other)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldKeepTheLastHolderWhenAHeldDeviceIsStolen() {
        String asset = handedOut();
        String holder = asAdmin().get("/api/v1/assets/" + asset).then().extract().path("holder.id");

        asAdmin()
                .body(
                        Map.of(
                                "assetId",
                                asset,
                                "kind",
                                "stolen",
                                "occurredAt",
                                TestClock.now().toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);

        asAdmin()
                .get("/api/v1/assets/" + asset)
                .then()
                .body("status", equalTo("stolen"))
                .body("holder.id", equalTo(holder));
    }

    @Test
    void shouldNameTheFieldOfABadCheckoutAndRequireIfMatch() {
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String unchanged = etag(asset);
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of())
                .post("/api/v1/assets/" + asset + "/checkout")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("personId"));
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("personId", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/assets/" + asset + "/checkout")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("personId"));
        asAdmin()
                .body(Map.of("personId", createPerson(unique("x") + "@example.com")))
                .post("/api/v1/assets/" + asset + "/checkout")
                .then()
                .statusCode(428)
                .contentType(PROBLEM);
        // none of the refusals handed the asset out
        asAdmin()
                .get("/api/v1/assets/" + asset)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(unchanged))
                .body("status", equalTo("in_stock"))
                .body("holder", nullValue());
    }

    @Test
    void shouldLetOnlyAdminsPublishRulesAndHandOutAssets() {
        as("employee", "e@example.com")
                .body(Map.of("version", unique("v"), "title", "Mine", "text", "anything goes"))
                .post("/api/v1/acceptable-use")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("hr-system", "hr@example.com")
                .get("/api/v1/acceptable-use/current")
                .then()
                .statusCode(403);
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        as("employee", "e@example.com")
                .header("If-Match", etag(asset))
                .body(Map.of("personId", createPerson(unique("y") + "@example.com")))
                .post("/api/v1/assets/" + asset + "/checkout")
                .then()
                .statusCode(403);
        as("employee", unique("nobody") + "@example.com")
                .get("/api/v1/me/assets")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(asset)));
    }

    @Test
    void shouldValidateAPublishedVersion() {
        asAdmin()
                .body(Map.of("version", unique("v"), "title", "No body"))
                .post("/api/v1/acceptable-use")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("text"));
        String version = unique("v");
        publishAcceptableUse(version);
        asAdmin()
                .body(Map.of("version", version, "title", "Again", "text", "x"))
                .post("/api/v1/acceptable-use")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("version"));
        asAdmin()
                .get("/api/v1/acceptable-use/versions/" + version)
                .then()
                .statusCode(200)
                .body("version", equalTo(version));
    }

    /** An asset checked out to a fresh person who acknowledged the current rules. */
    private static String handedOut() {
        publishAcceptableUse(unique("v"));
        String email = unique("holder") + "@example.com";
        String person = createPerson(email);
        as("employee", email)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        checkout(asset, person).then().statusCode(200);
        return asset;
    }

    private static io.restassured.response.Response checkout(String asset, String person) {
        return asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("personId", person))
                .post("/api/v1/assets/" + asset + "/checkout");
    }
}
