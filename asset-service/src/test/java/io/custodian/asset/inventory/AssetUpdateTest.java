package io.custodian.asset.inventory;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetUpdateTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldPatchOnlyTheNamedFieldsAndReturnANewETag() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String etag = etag(id);

        String newEtag =
                asAdmin()
                        .contentType("application/merge-patch+json")
                        .header("If-Match", etag)
                        .body(
                                Map.of(
                                        "location",
                                        "Home office",
                                        "posture",
                                        Map.of("diskEncrypted", true, "mdmEnrolled", false)))
                        .patch("/api/v1/assets/" + id)
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .body("location", equalTo("Home office"))
                        .body("posture.diskEncrypted", equalTo(true))
                        .body("posture.mdmEnrolled", equalTo(false))
                        .body("name", equalTo("MacBook Pro 14"))
                        .body("classification", equalTo("confidential"))
                        .extract()
                        .header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);

        Map<String, Object> clear = new HashMap<>();
        clear.put("location", null);
        asAdmin()
                .header("If-Match", newEtag)
                .body(clear)
                .patch("/api/v1/assets/" + id)
                .then()
                .statusCode(200)
                .body("location", nullValue())
                .body("posture.diskEncrypted", equalTo(true));
    }

    @Test
    void shouldReplaceTheDescriptiveFieldsWithPut() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));

        asAdmin()
                .header("If-Match", etag(id))
                .body(
                        Map.of(
                                "name", "Customer database",
                                "category", "database",
                                "classification", "restricted",
                                "location", "eu-west-1"))
                .put("/api/v1/assets/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Customer database"))
                .body("category", equalTo("database"))
                .body("classification", equalTo("restricted"))
                .body("posture", nullValue());
    }

    @Test
    void shouldRequireIfMatchWith428AndRefuseAStaleOneWith412() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String etag = etag(id);

        asAdmin()
                .body(Map.of("location", "Desk 4"))
                .patch("/api/v1/assets/" + id)
                .then()
                .statusCode(428)
                .contentType(PROBLEM)
                .body("detail", containsString("If-Match"));

        asAdmin()
                .header("If-Match", etag)
                .body(Map.of("location", "Desk 4"))
                .patch("/api/v1/assets/" + id)
                .then()
                .statusCode(200);

        asAdmin()
                .header("If-Match", etag)
                .body(Map.of("location", "Desk 5"))
                .patch("/api/v1/assets/" + id)
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        asAdmin().get("/api/v1/assets/" + id).then().body("location", equalTo("Desk 4"));
    }

    @Test
    void shouldRefuseFieldsThatBelongToOtherActions() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        for (String field :
                List.of(
                        "status",
                        "owner",
                        "holder",
                        "id",
                        "version",
                        "createdAt",
                        "assetTag",
                        "nextVerificationDue")) {
            asAdmin()
                    .header("If-Match", etag(id))
                    .body(Map.of(field, "x"))
                    .patch("/api/v1/assets/" + id)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo(field));
        }
        asAdmin()
                .get("/api/v1/assets/" + id)
                .then()
                .body("status", equalTo("in_stock"))
                .header("ETag", equalTo(etag(id)));
    }

    @Test
    void shouldNameTheFieldWhenAPatchMakesTheAssetInvalid() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", null);
        asAdmin()
                .header("If-Match", etag(id))
                .body(patch)
                .patch("/api/v1/assets/" + id)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"));
        asAdmin()
                .header("If-Match", etag(id))
                .body(Map.of("classification", "secret"))
                .patch("/api/v1/assets/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("classification"));
        asAdmin()
                .header("If-Match", etag(id))
                .body(Map.of("category", "database", "posture", Map.of("diskEncrypted", true)))
                .patch("/api/v1/assets/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("posture"));
    }

    @Test
    void shouldFollowOnlyLegalLifecycleTransitions() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));

        transition(id, "in_use").then().statusCode(200).body("status", equalTo("in_use"));
        transition(id, "in_repair").then().statusCode(200).body("status", equalTo("in_repair"));
        transition(id, "disposed")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("in_repair"))
                .body("detail", containsString("disposed"));
        transition(id, "in_use").then().statusCode(200);
        transition(id, "pending_return").then().statusCode(200);
        transition(id, "in_stock").then().statusCode(200);
        transition(id, "retired").then().statusCode(200);
        transition(id, "disposed").then().statusCode(200).body("status", equalTo("disposed"));
        transition(id, "in_stock").then().statusCode(409);
        // nothing is deleted: the disposed asset is still in the register
        asAdmin()
                .get("/api/v1/assets/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("disposed"));
    }

    @Test
    void shouldSendLossAndTheftToTheIncidentReport() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));

        transition(id, "stolen")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("/api/v1/incidents"));
    }

    @Test
    void shouldRecoverAStolenAssetBackToStock() {
        String tag = unique("LT");
        String id = createAsset(tag, "group", createGroup(unique("G")));
        asAdmin()
                .body(
                        Map.of(
                                "assetTag",
                                tag,
                                "kind",
                                "stolen",
                                "occurredAt",
                                TestClock.now().toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);

        transition(id, "in_use").then().statusCode(409);
        transition(id, "recovered").then().statusCode(200).body("status", equalTo("recovered"));
        transition(id, "in_stock").then().statusCode(200).body("status", equalTo("in_stock"));
    }

    @Test
    void shouldChangeTheOwnerAsAnActionOfItsOwn() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String person = createPerson(unique("owner") + "@example.com");

        asAdmin()
                .header("If-Match", etag(id))
                .body(Map.of("type", "person", "id", person))
                .put("/api/v1/assets/" + id + "/owner")
                .then()
                .statusCode(200)
                .body("owner.type", equalTo("person"))
                .body("owner.id", equalTo(person));
        asAdmin()
                .header("If-Match", etag(id))
                .body(Map.of("type", "group", "id", person))
                .put("/api/v1/assets/" + id + "/owner")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("owner.id"));
        asAdmin().get("/api/v1/assets/" + id).then().body("owner.id", equalTo(person));
    }

    @Test
    void shouldLetOnlyAdminsChangeTheRegister() {
        String email = unique("ada") + "@example.com";
        String id = createAsset(unique("LT"), "person", createPerson(email));
        String etag = etag(id);

        for (String role : List.of("employee", "hr-system", "auditor", "leadership")) {
            as(role, email)
                    .header("If-Match", etag)
                    .body(Map.of("location", "Mine now"))
                    .patch("/api/v1/assets/" + id)
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM);
            as(role, email)
                    .header("If-Match", etag)
                    .body(Map.of("status", "retired"))
                    .post("/api/v1/assets/" + id + "/transitions")
                    .then()
                    .statusCode(403);
        }
        asAdmin()
                .get("/api/v1/assets/" + id)
                .then()
                .header("ETag", equalTo(etag))
                .body("location", not(equalTo("Mine now")));
    }

    private static io.restassured.response.Response transition(String id, String status) {
        return asAdmin()
                .header("If-Match", etag(id))
                .body(Map.of("status", status))
                .post("/api/v1/assets/" + id + "/transitions");
    }
}
