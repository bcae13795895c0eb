package io.custodian.asset.security;

import static io.custodian.asset.Api.anonymous;
import static io.custodian.asset.Api.unique;
import static org.hamcrest.Matchers.equalTo;

import io.custodian.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With {@code custodian.security.role-mapping} set, the identity provider's own group names (in the
 * claim {@code smallrye.jwt.path.groups} names) grant Custodian's roles, and only they do.
 */
@QuarkusTest
@TestProfile(RoleMappingTest.MappedGroups.class)
class RoleMappingTest {

    private static final String PROBLEM = "application/problem+json";

    public static class MappedGroups implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.security.role-mapping",
                    "IT Admins=asset-admin, Executives=leadership, Executives=auditor",
                    "smallrye.jwt.path.groups",
                    "memberOf");
        }
    }

    /** A token whose {@code memberOf} claim lists these provider groups. */
    private static RequestSpecification memberOf(String... groups) {
        String email = unique("idp") + "@example.com";
        String token =
                DevTokens.forTests().token(Set.of(), email, Map.of("memberOf", List.of(groups)));
        return anonymous().auth().oauth2(token);
    }

    private static Map<String, Object> group() {
        return Map.of("name", unique("Mapped team"), "contactEmail", "team@example.com");
    }

    @Test
    void shouldGrantTheRoleAMappedGroupNames() {
        memberOf("Everyone", "IT Admins")
                .body(group())
                .post("/api/v1/groups")
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("contactEmail", equalTo("team@example.com"));
        memberOf("Executives").get("/api/v1/exceptions").then().statusCode(200);
        memberOf("Executives")
                .body(group())
                .post("/api/v1/groups")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void shouldGrantNothingForAGroupNamedLikeARoleButNotMapped() {
        memberOf("asset-admin", "leadership")
                .body(group())
                .post("/api/v1/groups")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        memberOf("leadership").get("/api/v1/exceptions").then().statusCode(403);
    }
}
