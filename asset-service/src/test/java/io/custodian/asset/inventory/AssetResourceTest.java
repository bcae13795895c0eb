package io.custodian.asset.inventory;

import static io.custodian.asset.Api.anonymous;
import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldCreateAnAssetOwnedByAGroupAndReadItBack() {
        String group = createGroup(unique("Platform"));
        String tag = unique("LT");

        String location =
                asAdmin()
                        .body(laptop(tag, Map.of("type", "group", "id", group)))
                        .post("/api/v1/assets")
                        .then()
                        .statusCode(201)
                        .contentType("application/json")
                        .header("ETag", notNullValue())
                        .body("assetTag", equalTo(tag))
                        .body("status", equalTo("in_stock"))
                        .body("classification", equalTo("confidential"))
                        .body("owner.type", equalTo("group"))
                        .body("owner.id", equalTo(group))
                        .extract()
                        .header("Location");

        as("auditor", "audit@example.com")
                .get(location)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("ETag", notNullValue())
                .body("assetTag", equalTo(tag))
                .body("category", equalTo("laptop"))
                .body("owner.name", notNullValue());
    }

    @Test
    void shouldCreateAnInformationAssetOwnedByAPerson() {
        String person = createPerson(unique("dba") + "@example.com");

        asAdmin()
                .body(
                        Map.of(
                                "assetTag", unique("DB"),
                                "name", "Customer database (production)",
                                "category", "database",
                                "classification", "restricted",
                                "owner", Map.of("type", "person", "id", person)))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .body("category", equalTo("database"))
                .body("owner.type", equalTo("person"))
                .body("owner.id", equalTo(person));
    }

    @Test
    void shouldRefuseAnAssetWithoutOwnerNamingTheField() {
        Map<String, Object> body = laptop(unique("LT"), null);
        body.remove("owner");

        asAdmin()
                .body(body)
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("errors.field", hasItem("owner"))
                .body("instance", equalTo("/api/v1/assets"));
    }

    @Test
    void shouldRefuseAnUnknownClassificationNamingTheFieldAndTheAllowedValues() {
        Map<String, Object> body =
                laptop(unique("LT"), Map.of("type", "group", "id", createGroup(unique("G"))));
        body.put("classification", "top-secret");

        asAdmin()
                .body(body)
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("classification"))
                .body("errors[0].message", containsString("confidential"));
    }

    @Test
    void shouldRefuseMalformedJsonWith400() {
        asAdmin()
                .body("{\"assetTag\": \"LT-1\", ")
                .post("/api/v1/assets")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void shouldRefuseUnknownFieldsRatherThanIgnoreThem() {
        Map<String, Object> body =
                laptop(unique("LT"), Map.of("type", "group", "id", createGroup(unique("G"))));
        body.put("status", "disposed");

        asAdmin()
                .body(body)
                .post("/api/v1/assets")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void shouldRefuseAnOwnerThatDoesNotExist() {
        asAdmin()
                .body(
                        laptop(
                                unique("LT"),
                                Map.of("type", "group", "id", UUID.randomUUID().toString())))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("owner.id"));
    }

    @Test
    void shouldListEveryInvalidFieldAtOnce() {
        asAdmin()
                .body(Map.of("assetTag", "", "category", "laptop"))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("assetTag"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("classification"))
                .body("errors.field", hasItem("owner"));
    }

    @Test
    void shouldRefuseADuplicateAssetTagWith409() {
        String group = createGroup(unique("G"));
        String tag = unique("LT");
        createAsset(tag, "group", group);

        asAdmin()
                .body(laptop(tag, Map.of("type", "group", "id", group)))
                .post("/api/v1/assets")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("assetTag"));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownAsset() {
        String id = UUID.randomUUID().toString();

        asAdmin()
                .get("/api/v1/assets/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString(id))
                .body("instance", endsWith(id));
    }

    @Test
    void shouldRequireATokenWith401Problem() {
        anonymous()
                .get("/api/v1/assets/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void shouldRefuseATokenSignedByAnotherKey() {
        anonymous()
                .auth()
                .oauth2(
                        io.custodian.local.DevTokens.loadOrCreate(
                                        java.nio.file.Path.of("target", "foreign-jwt"))
                                .token("asset-admin", "mallory@example.com"))
                .get("/api/v1/assets/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void shouldRefuseARoleThatMayNotWriteTheRegisterWith403Problem() {
        String group = createGroup(unique("G"));

        as("employee", "ada@example.com")
                .body(laptop(unique("LT"), Map.of("type", "group", "id", group)))
                .post("/api/v1/assets")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("hr-system", "hr@example.com")
                .get("/api/v1/assets/" + createAsset(unique("LT"), "group", group))
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void shouldLetAnEmployeeReadOnlyTheirOwnAssets() {
        String email = unique("grace") + "@example.com";
        String mine = createAsset(unique("LT"), "person", createPerson(email));
        String notMine = createAsset(unique("LT"), "group", createGroup(unique("G")));

        as("employee", email).get("/api/v1/assets/" + mine).then().statusCode(200);
        as("employee", email)
                .get("/api/v1/assets/" + notMine)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldServeTheContractFromApiSpec() {
        anonymous()
                .accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("title: Custodian API"))
                .body(containsString("operationId: reportIncident"));
    }

    @Test
    void shouldNotLeaveAHalfWrittenRecordWhenRefused() {
        String tag = unique("LT");
        Map<String, Object> body =
                laptop(tag, Map.of("type", "person", "id", UUID.randomUUID().toString()));

        asAdmin().body(body).post("/api/v1/assets").then().statusCode(422);

        org.assertj.core.api.Assertions.assertThat(
                        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                                .call(() -> Asset.count("assetTag", tag)))
                .isZero();
    }

    private static Map<String, Object> laptop(String tag, Map<String, String> owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("assetTag", tag);
        body.put("name", "MacBook Pro 14 (Ada)");
        body.put("category", "laptop");
        body.put("classification", "confidential");
        body.put("serialNumber", "C02" + UUID.randomUUID().toString().substring(0, 8));
        body.put("manufacturer", "Apple");
        if (owner != null) {
            body.put("owner", owner);
        }
        return body;
    }
}
