package io.custodian.notification.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.local.DevTokens;
import io.custodian.notification.DeliveryLogApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The worker's delivery log maps the identity provider's groups to roles as asset-service does: the
 * same {@code custodian.security.role-mapping}, the same groups claim.
 */
@QuarkusTest
@TestProfile(WorkerRoleMappingTest.MappedGroups.class)
class WorkerRoleMappingTest {

    public static class MappedGroups implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.security.role-mapping",
                    "IT Admins=asset-admin, Executives=leadership, Auditors=auditor",
                    "smallrye.jwt.path.groups",
                    "memberOf");
        }
    }

    private static int statusAsMemberOf(String... groups) {
        return DeliveryLogApi.statusFor(
                DevTokens.forTests()
                        .token(
                                Set.of(),
                                "someone@example.com",
                                Map.of("memberOf", List.of(groups))));
    }

    @Test
    void shouldLetMappedGroupsReadTheDeliveryLog() {
        assertThat(statusAsMemberOf("Executives")).isEqualTo(200);
        assertThat(statusAsMemberOf("Everyone", "Auditors")).isEqualTo(200);
        assertThat(statusAsMemberOf("IT Admins")).isEqualTo(200);
    }

    @Test
    void shouldRefuseGroupsThatAreOnlyNamedLikeRoles() {
        assertThat(statusAsMemberOf("leadership", "auditor")).isEqualTo(403);
        assertThat(statusAsMemberOf("Everyone")).isEqualTo(403);
    }
}
