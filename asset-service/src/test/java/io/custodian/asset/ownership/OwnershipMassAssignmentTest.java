package io.custodian.asset.ownership;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.offboard;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.MassAssignment.PROBLEM;
import static io.custodian.asset.MassAssignment.PROTECTED;
import static io.custodian.asset.MassAssignment.assertUnknownField;
import static io.custodian.asset.MassAssignment.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People and groups take only their own fields: no id, status, roles or timestamps through the
 * create or sync bodies, and an employee can change neither their person record nor their group
 * memberships.
 */
@QuarkusTest
class OwnershipMassAssignmentTest {

    private static final String HR = "hr@example.com";

    @Test
    void shouldRefuseProtectedFieldsWhenCreatingAPersonAndCreateNothing() {
        Map<String, Object> probes = new LinkedHashMap<>(PROTECTED);
        probes.put("employeeNumber", "E-1");
        probes.put("manager", Map.of("id", "x"));
        probes.forEach(
                (field, value) -> {
                    String email = unique("ma") + "@example.com";
                    Map<String, Object> body =
                            Map.of("employeeId", unique("E"), "email", email, "displayName", "Ada");
                    assertUnknownField(
                            asAdmin().body(with(body, field, value)).post("/api/v1/people"), field);
                    assertThat(count("select count(*) from person where email = ?1", email))
                            .as(field)
                            .isZero();
                });
    }

    @Test
    void shouldRefuseProtectedFieldsOnTheHrSyncAndChangeNothing() {
        String employeeId = unique("E");
        String email = unique("lin") + "@example.com";
        Map<String, Object> sync = Map.of("email", email, "displayName", "Lin");
        String person =
                hr().body(sync)
                        .put("/api/v1/people/by-employee-id/" + employeeId)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        Map<String, Object> before = read(person);
        long revisions = revisions(person);

        Map<String, Object> probes = new LinkedHashMap<>(PROTECTED);
        probes.remove("status"); // the HR system reports leaving and departed: its own field
        probes.put("employeeId", unique("E"));
        probes.forEach(
                (field, value) ->
                        assertUnknownField(
                                hr().body(with(sync, field, value))
                                        .put("/api/v1/people/by-employee-id/" + employeeId),
                                field));

        assertThat(read(person)).isEqualTo(before);
        assertThat(revisions(person)).isEqualTo(revisions);
    }

    @Test
    void shouldNeverLetAnEmployeeChangeTheirOwnPersonRecordOrGroups() {
        String employeeId = unique("E");
        String email = unique("eve") + "@example.com";
        String person =
                hr().body(Map.of("email", email, "displayName", "Eve"))
                        .put("/api/v1/people/by-employee-id/" + employeeId)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        createAsset(unique("DB"), "person", person); // an ownership to hand over: leaving
        offboard(email); // the employee would like to be active again
        String group = createGroup(unique("Admins"));
        Map<String, Object> before = read(person);
        long revisions = revisions(person);
        RequestSpecification eve = as("employee", email);

        as("employee", email)
                .body(Map.of("email", email, "displayName", "Eve", "status", "active"))
                .put("/api/v1/people/by-employee-id/" + employeeId)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("employee", email)
                .body(Map.of("employeeId", unique("E"), "email", email, "displayName", "Eve"))
                .post("/api/v1/people")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        eve.put("/api/v1/groups/" + group + "/members/" + person)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("employee", email)
                .contentType("application/scim+json")
                .body(
                        Map.of(
                                "schemas",
                                java.util.List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                                "Operations",
                                java.util.List.of(
                                        Map.of("op", "replace", "path", "active", "value", true))))
                .patch("/scim/v2/Users/" + person)
                .then()
                .statusCode(403);

        assertThat(read(person)).isEqualTo(before).containsEntry("status", "leaving");
        assertThat(revisions(person)).isEqualTo(revisions);
        assertThat(
                        count(
                                "select count(*) from group_member where group_id = cast(?1 as"
                                        + " uuid)",
                                group))
                .isZero();
    }

    @Test
    void shouldRefuseProtectedFieldsWhenCreatingAGroup() {
        Map<String, Object> probes = new LinkedHashMap<>(PROTECTED);
        probes.put("members", java.util.List.of(java.util.UUID.randomUUID().toString()));
        probes.forEach(
                (field, value) -> {
                    String name = unique("MA");
                    Map<String, Object> body =
                            Map.of("name", name, "contactEmail", "team@example.com");
                    assertUnknownField(
                            asAdmin().body(with(body, field, value)).post("/api/v1/groups"), field);
                    assertThat(count("select count(*) from asset_group where name = ?1", name))
                            .as(field)
                            .isZero();
                });
    }

    private static RequestSpecification hr() {
        return as("hr-system", HR);
    }

    private static Map<String, Object> read(String person) {
        return asAdmin()
                .get("/api/v1/people/" + person)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static long revisions(String person) {
        return count("select count(*) from person_aud where id = cast(?1 as uuid)", person);
    }

    private static long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                ((Number)
                                                Panache.getEntityManager()
                                                        .createNativeQuery(sql)
                                                        .setParameter(1, parameter)
                                                        .getSingleResult())
                                        .longValue());
    }
}
