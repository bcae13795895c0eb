package io.custodian.asset.ownership;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.offboard;
import static io.custodian.asset.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PeopleAndGroupsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldUpsertPeopleFromHrIdempotentlyByEmployeeId() {
        String manager = unique("E");
        String employee = unique("E");
        String email = unique("ada") + "@example.com";
        hr().body(Map.of("email", unique("boss") + "@example.com", "displayName", "The Boss"))
                .put("/api/v1/people/by-employee-id/" + manager)
                .then()
                .statusCode(201);

        Map<String, Object> record =
                Map.of("email", email, "displayName", "Ada Lovelace", "managerEmployeeId", manager);
        String location =
                hr().body(record)
                        .put("/api/v1/people/by-employee-id/" + employee)
                        .then()
                        .statusCode(201)
                        .contentType("application/json")
                        .body("employeeId", equalTo(employee))
                        .body("status", equalTo("active"))
                        .body("manager.employeeId", equalTo(manager))
                        .extract()
                        .header("Location");
        hr().body(record)
                .put("/api/v1/people/by-employee-id/" + employee)
                .then()
                .statusCode(200)
                .body("email", equalTo(email));

        hr().body(Map.of("email", email, "displayName", "Ada King", "status", "active"))
                .put("/api/v1/people/by-employee-id/" + employee)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Ada King"))
                .body("status", equalTo("active"));
        hr().get(location).then().statusCode(200).body("displayName", equalTo("Ada King"));
    }

    @Test
    void shouldChangeAStatusOnlyThroughAnOffboardingNeverBySync() {
        String employee = unique("E");
        String email = unique("st") + "@example.com";
        String location =
                hr().body(Map.of("email", email, "displayName", "Sam"))
                        .put("/api/v1/people/by-employee-id/" + employee)
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
        for (String status : new String[] {"departed", "leaving"}) {
            hr().body(Map.of("email", email, "displayName", "Sam Renamed", "status", status))
                    .put("/api/v1/people/by-employee-id/" + employee)
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("status"))
                    .body("errors[0].message", containsString("off-boarding"));
        }
        // nothing of the refused records was kept
        hr().get(location)
                .then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("displayName", equalTo("Sam"));
        // nor can a new person start out departed
        hr().body(
                        Map.of(
                                "email",
                                unique("new") + "@example.com",
                                "displayName",
                                "New",
                                "status",
                                "departed"))
                .put("/api/v1/people/by-employee-id/" + unique("E"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));

        // leaving through an off-boarding: HR may repeat the status but not undo it by a sync
        createAsset(unique("DB"), "person", location.substring(location.lastIndexOf('/') + 1));
        offboard(email);
        hr().get(location).then().statusCode(200).body("status", equalTo("leaving"));
        hr().body(Map.of("email", email, "displayName", "Sam", "status", "leaving"))
                .put("/api/v1/people/by-employee-id/" + employee)
                .then()
                .statusCode(200)
                .body("status", equalTo("leaving"));
        hr().body(Map.of("email", email, "displayName", "Sam", "status", "active"))
                .put("/api/v1/people/by-employee-id/" + employee)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));
        hr().get(location).then().statusCode(200).body("status", equalTo("leaving"));
    }

    @Test
    void shouldNameTheFieldOfABadDirectoryRecord() {
        hr().body(Map.of("email", "not-an-email", "displayName", "X"))
                .put("/api/v1/people/by-employee-id/" + unique("E"))
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("email"));
        hr().body(
                        Map.of(
                                "email",
                                unique("x") + "@example.com",
                                "displayName",
                                "X",
                                "managerEmployeeId",
                                "NOBODY"))
                .put("/api/v1/people/by-employee-id/" + unique("E"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("managerEmployeeId"));
        hr().body(
                        Map.of(
                                "email",
                                unique("x") + "@example.com",
                                "displayName",
                                "X",
                                "status",
                                "retired"))
                .put("/api/v1/people/by-employee-id/" + unique("E"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("departed"));
        String email = unique("taken") + "@example.com";
        hr().body(Map.of("email", email, "displayName", "First"))
                .put("/api/v1/people/by-employee-id/" + unique("E"))
                .then()
                .statusCode(201);
        hr().body(Map.of("email", email, "displayName", "Second"))
                .put("/api/v1/people/by-employee-id/" + unique("E"))
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void shouldLetGroupMembersSeeTheAssetsTheirGroupOwns() {
        String email = unique("member") + "@example.com";
        String person =
                hr().body(Map.of("email", email, "displayName", "Team Member"))
                        .put("/api/v1/people/by-employee-id/" + unique("E"))
                        .then()
                        .extract()
                        .path("id");
        String group = createGroup(unique("Platform"));
        String asset = createAsset(unique("LT"), "group", group);

        as("employee", email).get("/api/v1/assets/" + asset).then().statusCode(404);

        asAdmin()
                .put("/api/v1/groups/" + group + "/members/" + person)
                .then()
                .statusCode(200)
                .body("members.id", hasItem(person));
        as("employee", email).get("/api/v1/assets/" + asset).then().statusCode(200);

        asAdmin()
                .delete("/api/v1/groups/" + group + "/members/" + person)
                .then()
                .statusCode(200)
                .body("members.id", not(hasItem(person)));
        as("employee", email).get("/api/v1/assets/" + asset).then().statusCode(404);
    }

    @Test
    void shouldLetOnlyHrAndAdminsSyncPeopleAndOnlyAdminsManageGroups() {
        as("employee", "e@example.com")
                .body(
                        Map.of(
                                "email",
                                "e@example.com",
                                "displayName",
                                "Me, promoted",
                                "status",
                                "active"))
                .put("/api/v1/people/by-employee-id/" + unique("E"))
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        String group = createGroup(unique("G"));
        as("hr-system", "hr@example.com")
                .put("/api/v1/groups/" + group + "/members/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(403);
        asAdmin()
                .put("/api/v1/groups/" + group + "/members/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    private static io.restassured.specification.RequestSpecification hr() {
        return as("hr-system", "hr@example.com");
    }
}
