package io.custodian.asset.security;

import static io.custodian.asset.Api.anonymous;
import static io.custodian.asset.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With {@code custodian.security.identity=subject} a token acts for the person whose subject (as HR
 * or SCIM recorded it) it carries, whatever its e-mail claim says; a token naming an e-mail whose
 * subject is recorded for nobody is refused; machine clients (no e-mail) work as before.
 */
@QuarkusTest
@TestProfile(SubjectBindingTest.BoundToSubject.class)
class SubjectBindingTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SCIM = "application/scim+json";

    public static class BoundToSubject implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.security.identity", "subject",
                    "custodian.security.subject-claim", "oid");
        }
    }

    @Test
    void shouldActForThePersonWhoseSubjectTheTokenCarriesAndNobodyElse() {
        String subject = "00u" + unique("ada");
        String email = unique("ada") + "@example.com";
        String ada = sync(unique("E"), email, subject);
        String laptop = laptopOwnedBy(ada);
        String ceo = sync(unique("E"), unique("ceo") + "@example.com", "00u" + unique("ceo"));
        String ceosPhone = laptopOwnedBy(ceo);

        // Ada's subject, and someone else's address in the e-mail claim: she is Ada, not the CEO
        person(subject, unique("ceo") + "@example.com")
                .get("/api/v1/me/assets")
                .then()
                .statusCode(200)
                .body("items.id", contains(laptop));
        person(subject, "someone@example.com")
                .get("/api/v1/assets/" + ceosPhone)
                .then()
                .statusCode(404);
        // Ada's address with another subject, or with none that is recorded: refused
        for (Object other : List.of("attacker-id", DevTokens.ABSENT)) {
            person(other, email)
                    .get("/api/v1/me/assets")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM);
        }
        // the machine client names no e-mail and is not a person
        machine("hr-system").get("/api/v1/people/" + ada).then().statusCode(200);
    }

    @Test
    void shouldRecordTheSubjectBySyncOrScimOnePersonEach() {
        String subject = "00u" + unique("lin");
        String email = unique("lin") + "@example.com";
        String employeeId = unique("E");
        String lin = sync(employeeId, email, null);
        person(subject, email).get("/api/v1/me/assets").then().statusCode(401);

        machine("hr-system")
                .contentType(SCIM)
                .body(
                        Map.of(
                                "schemas",
                                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                                "Operations",
                                List.of(
                                        Map.of(
                                                "op",
                                                "add",
                                                "path",
                                                "urn:ietf:params:scim:schemas:extension:custodian:2.0:User:subject",
                                                "value",
                                                subject))))
                .patch("/scim/v2/Users/" + lin)
                .then()
                .statusCode(200)
                .body(
                        "'urn:ietf:params:scim:schemas:extension:custodian:2.0:User'.subject",
                        equalTo(subject));
        person(subject, email).get("/api/v1/me/assets").then().statusCode(200);
        machine("hr-system")
                .get("/api/v1/people/" + lin)
                .then()
                .statusCode(200)
                .body("subject", equalTo(subject));

        // another person may not take the same subject, by sync or by SCIM
        Map<String, Object> taken = body(unique("x") + "@example.com", subject);
        machine("hr-system")
                .body(taken)
                .put("/api/v1/people/by-employee-id/" + unique("E"))
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("subject"));
        machine("hr-system")
                .contentType(SCIM)
                .body(
                        Map.of(
                                "schemas",
                                List.of(
                                        "urn:ietf:params:scim:schemas:core:2.0:User",
                                        "urn:ietf:params:scim:schemas:extension:custodian:2.0:User"),
                                "userName",
                                unique("y") + "@example.com",
                                "externalId",
                                unique("E"),
                                "urn:ietf:params:scim:schemas:extension:custodian:2.0:User",
                                Map.of("subject", subject)))
                .post("/scim/v2/Users")
                .then()
                .statusCode(409)
                .body("scimType", equalTo("uniqueness"));
    }

    @Test
    void shouldRefuseADepartedPersonBySubject() {
        String subject = "00u" + unique("lee");
        String email = unique("lee") + "@example.com";
        sync(unique("E"), email, subject);
        person(subject, email).get("/api/v1/me/assets").then().statusCode(200);

        machine("hr-system")
                .body(
                        Map.of(
                                "person", Map.of("email", email),
                                "lastWorkingDay", "2026-01-01",
                                "reference", unique("HR")))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201)
                .body("status", equalTo("completed"));

        person(subject, "another@example.com")
                .get("/api/v1/me/assets")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("departed"));
    }

    /** An employee's token whose subject claim ({@code oid}) and e-mail claim are these. */
    private static RequestSpecification person(Object subject, String email) {
        return anonymous()
                .auth()
                .oauth2(
                        DevTokens.forTests()
                                .token(Set.of("employee"), email, Map.of("oid", subject)));
    }

    /** A machine client's token: no e-mail, its client id as subject. */
    private static RequestSpecification machine(String role) {
        return anonymous()
                .auth()
                .oauth2(
                        DevTokens.forTests()
                                .token(
                                        Set.of(role),
                                        role + "-client",
                                        Map.of(
                                                "email", DevTokens.ABSENT,
                                                "upn", DevTokens.ABSENT,
                                                "email_verified", DevTokens.ABSENT)));
    }

    private static String sync(String employeeId, String email, String subject) {
        return machine("hr-system")
                .body(body(email, subject))
                .put("/api/v1/people/by-employee-id/" + employeeId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> body(String email, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("displayName", "Someone");
        if (subject != null) {
            body.put("subject", subject);
        }
        return body;
    }

    private static String laptopOwnedBy(String person) {
        return machine("asset-admin")
                .body(
                        Map.of(
                                "assetTag", unique("LT"),
                                "name", "MacBook Pro 14",
                                "category", "laptop",
                                "classification", "confidential",
                                "owner", Map.of("type", "person", "id", person)))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
