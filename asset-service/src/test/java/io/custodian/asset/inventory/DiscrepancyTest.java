package io.custodian.asset.inventory;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.hold;
import static io.custodian.asset.Api.publishAcceptableUse;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "I don't have this": {@code POST /api/v1/assets/{id}/discrepancies}. */
@QuarkusTest
class DiscrepancyTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @SuppressWarnings("unchecked")
    void shouldFlagTheAssetToItOnceAndShowWhoSaidIt() throws Exception {
        String email = unique("ada") + "@example.com";
        String person = createPerson(email);
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        publishAcceptableUse();
        hold(asset, person, email);

        try (EventTap tap = new EventTap()) {
            String reportedAt =
                    as("employee", email)
                            .body(Map.of("note", "Never received it"))
                            .post("/api/v1/assets/" + asset + "/discrepancies")
                            .then()
                            .statusCode(200)
                            .contentType("application/json")
                            .header("ETag", equalTo(etag(asset)))
                            .body("discrepancy.reportedBy", equalTo(email))
                            .body("discrepancy.note", equalTo("Never received it"))
                            .body("status", equalTo("in_use"))
                            .extract()
                            .path("discrepancy.reportedAt");

            // said again while open: nothing changes, nobody is alerted twice
            as("employee", email)
                    .body(Map.of("note", "Still not here"))
                    .post("/api/v1/assets/" + asset + "/discrepancies")
                    .then()
                    .statusCode(200)
                    .body("discrepancy.reportedAt", equalTo(reportedAt))
                    .body("discrepancy.note", equalTo("Never received it"));

            JsonNode data =
                    new ObjectMapper()
                            .readTree(tap.only(asset, "asset.discrepancy.reported").value());
            assertThat(data.get("assetTag").asText()).isEqualTo(tag);
            assertThat(data.get("reportedBy").asText()).isEqualTo(email);
            assertThat(data.get("note").asText()).isEqualTo("Never received it");
            assertThat(data.get("status").asText()).isEqualTo("in_use");
            assertThat(data.at("/holder/email").asText()).isEqualTo(email);
            assertThat(data.at("/owner/type").asText()).isEqualTo("group");
        }

        asAdmin()
                .get("/api/v1/assets/" + asset)
                .then()
                .statusCode(200)
                .body("discrepancy.reportedBy", equalTo(email));
        // the history says who raised it: one revision by them, with the discrepancy's fields
        JsonPath history = asAdmin().get("/api/v1/assets/" + asset + "/history").jsonPath();
        List<Map<String, Object>> theirs =
                history.<Map<String, Object>>getList("items").stream()
                        .filter(entry -> email.equals(entry.get("actor")))
                        .toList();
        assertThat(theirs).hasSize(1);
        assertThat((List<Map<String, Object>>) theirs.get(0).get("changes"))
                .extracting(c -> c.get("field"))
                .contains("discrepancy.reportedAt", "discrepancy.reportedBy", "discrepancy.note");
    }

    @Test
    void shouldBeSettledByTheNextCheckInOrAttestation() {
        String email = unique("ada") + "@example.com";
        String person = createPerson(email);
        String held = createAsset(unique("LT"), "group", createGroup(unique("G")));
        publishAcceptableUse();
        hold(held, person, email);
        as("employee", email).post("/api/v1/assets/" + held + "/discrepancies");

        asAdmin()
                .header("If-Match", etag(held))
                .body(Map.of())
                .post("/api/v1/assets/" + held + "/checkin")
                .then()
                .statusCode(200)
                .body("discrepancy", nullValue());

        String owned = createAsset(unique("LT"), "person", person);
        as("employee", email)
                .post("/api/v1/assets/" + owned + "/discrepancies")
                .then()
                .statusCode(200)
                .body("discrepancy.reportedBy", equalTo(email));
        as("employee", email)
                .body(Map.of())
                .post("/api/v1/assets/" + owned + "/verifications")
                .then()
                .statusCode(200)
                .body("discrepancy", nullValue());
        asAdmin().get("/api/v1/assets/" + owned).then().body("discrepancy", nullValue());
    }

    @Test
    void shouldRefuseStrangersBadNotesAndAssetsNobodyHolds() {
        String email = unique("ada") + "@example.com";
        String asset = createAsset(unique("LT"), "person", createPerson(email));

        as("employee", "stranger@example.com")
                .post("/api/v1/assets/" + asset + "/discrepancies")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("auditor", "audit@example.com")
                .post("/api/v1/assets/" + asset + "/discrepancies")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("employee", email)
                .body(Map.of("note", "x".repeat(1001)))
                .post("/api/v1/assets/" + asset + "/discrepancies")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("note"));
        as("employee", email)
                .body(Map.of("reportedBy", "someone-else@example.com"))
                .post("/api/v1/assets/" + asset + "/discrepancies")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        asAdmin().get("/api/v1/assets/" + asset).then().body("discrepancy", nullValue());

        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("status", "retired"))
                .post("/api/v1/assets/" + asset + "/transitions")
                .then()
                .statusCode(200);
        as("employee", email)
                .post("/api/v1/assets/" + asset + "/discrepancies")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
    }
}
