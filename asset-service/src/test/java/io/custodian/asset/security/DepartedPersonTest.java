package io.custodian.asset.security;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.offboard;
import static io.custodian.asset.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A person HR has marked departed is refused everywhere, even with a token that is still valid. */
@QuarkusTest
class DepartedPersonTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldRefuseADepartedPersonWithAStillValidTokenOnEveryRole() {
        String employeeId = unique("E");
        String email = unique("leaver") + "@example.com";
        sync(employeeId, email, "active", 201);

        as("employee", email).get("/api/v1/me/assets").then().statusCode(200);

        offboard(email); // nothing to return: completed at once, the person has departed

        as("employee", email)
                .get("/api/v1/me/assets")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("detail", containsString("departed"));
        as("employee", email)
                .body(Map.of("description", "A laptop left unlocked."))
                .post("/api/v1/violations")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        // a departed admin is no admin any more: the e-mail decides, whatever the token's roles
        as("asset-admin", email.toUpperCase())
                .get("/api/v1/assets")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("departed"));
        as("leadership", email)
                .get("/api/v1/incidents")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void shouldLetLeaversAndMachineClientsWithoutAPersonRecordIn() {
        String employeeId = unique("E");
        String email = unique("leaving") + "@example.com";
        String person = sync(employeeId, email, "active", 201);
        createAsset(unique("DB"), "person", person); // an ownership to transfer: still leaving
        offboard(email);

        as("employee", email).get("/api/v1/me/assets").then().statusCode(200);
        // the HR system has no person record: it is not a person and is never refused as one
        as("hr-system", unique("hr") + "@example.com")
                .get("/api/v1/offboardings")
                .then()
                .statusCode(200);
    }

    private static String sync(String employeeId, String email, String status, int expected) {
        return as("hr-system", "hr@example.com")
                .body(Map.of("email", email, "displayName", "Lee Ver", "status", status))
                .put("/api/v1/people/by-employee-id/" + employeeId)
                .then()
                .statusCode(expected)
                .body("status", equalTo(status))
                .extract()
                .path("id");
    }
}
