package io.custodian.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    @Test
    void shouldTakeGroupsAsRolesWithoutAMapping() {
        RoleMapping none = RoleMapping.parse("  ");
        assertThat(none.configured()).isFalse();
        assertThat(none.roles(List.of("leadership", "Everyone")))
                .containsExactlyInAnyOrder("leadership", "Everyone");
        assertThat(RoleMapping.parse(null).configured()).isFalse();
    }

    @Test
    void shouldGrantOnlyMappedRolesWhenAMappingIsSet() {
        RoleMapping mapping =
                RoleMapping.parse(
                        "IT Admins=asset-admin, Executives=leadership,Executives=auditor,"
                                + " 6f1c2a9e-0b1d-4e8a-9c1f-2b7e5d3a8c40=hr-system,");
        assertThat(mapping.configured()).isTrue();
        assertThat(mapping.roles(List.of("Executives"))).containsExactly("auditor", "leadership");
        assertThat(mapping.roles(List.of("IT Admins", "Everyone"))).containsExactly("asset-admin");
        assertThat(mapping.roles(List.of("6f1c2a9e-0b1d-4e8a-9c1f-2b7e5d3a8c40")))
                .containsExactly("hr-system");
        assertThat(mapping.roles(List.of("leadership", "asset-admin")))
                .as("a provider group named like a role grants nothing unless mapped")
                .isEmpty();
        assertThat(mapping.roles(List.of("it admins"))).as("names match exactly").isEmpty();
        assertThat(mapping.groupsGranting("leadership")).containsExactly("Executives");
    }

    @Test
    void shouldRefuseAnEntryThatIsNotGroupEqualsRole() {
        for (String bad : List.of("IT Admins", "=asset-admin", "IT Admins=", "a=b=asset-admin")) {
            assertThatThrownBy(() -> RoleMapping.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not group=role");
        }
    }

    @Test
    void shouldRefuseARoleCustodianDoesNotHave() {
        assertThatThrownBy(() -> RoleMapping.parse("IT Admins=admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"IT Admins=admin\" names no Custodian role")
                .hasMessageContaining("asset-admin");
        assertThat(RoleMapping.ROLES)
                .isEqualTo(
                        Set.of(
                                "employee",
                                "asset-admin",
                                "leadership",
                                "auditor",
                                "hr-system",
                                "mdm-sync"));
    }
}
