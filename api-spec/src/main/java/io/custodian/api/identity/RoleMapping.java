package io.custodian.api.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of Custodian's six roles a caller's identity-provider groups grant, the same in both
 * services and for both sign-ins (the API's bearer tokens, the console's session).
 *
 * <p>Without a mapping (the default) the groups claim names Custodian's roles themselves ({@code
 * employee}, {@code asset-admin}, {@code leadership}, {@code auditor}, {@code hr-system}, {@code
 * mdm-sync}). With one, e.g. {@code "IT Admins=asset-admin, Executives=leadership,
 * Executives=auditor"}, only the mapped groups grant roles: a group named like a role but not in
 * the mapping grants nothing, so nobody who may create groups at the provider can make themselves
 * leadership. Group names are matched exactly (Entra ID sends object ids, Okta names); a name may
 * not hold {@code =} or {@code ,}.
 */
public final class RoleMapping {

    /** The roles of both contracts' {@code bearerAuth} scheme. */
    public static final Set<String> ROLES =
            Set.of("employee", "asset-admin", "leadership", "auditor", "hr-system", "mdm-sync");

    private static final RoleMapping NONE = new RoleMapping(Map.of());

    private final Map<String, Set<String>> rolesByGroup;

    private RoleMapping(Map<String, Set<String>> rolesByGroup) {
        this.rolesByGroup = rolesByGroup;
    }

    /**
     * The mapping written as {@code group=role} entries separated by commas (blank: no mapping).
     *
     * @throws IllegalArgumentException naming the entry that is not {@code group=role} or whose
     *     role is not one of {@link #ROLES}
     */
    public static RoleMapping parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, Set<String>> mapping = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            String group = eq < 0 ? "" : entry.substring(0, eq).strip();
            String role = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (group.isEmpty() || role.isEmpty() || group.indexOf('=') >= 0) {
                throw new IllegalArgumentException(
                        "role mapping entry \"" + entry.strip() + "\" is not group=role");
            }
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException(
                        "role mapping entry \""
                                + entry.strip()
                                + "\" names no Custodian role; roles are "
                                + new TreeSet<>(ROLES));
            }
            mapping.computeIfAbsent(group, g -> new TreeSet<>()).add(role);
        }
        return mapping.isEmpty() ? NONE : new RoleMapping(Map.copyOf(mapping));
    }

    /** Whether a mapping is configured; without one, groups are roles as they are. */
    public boolean configured() {
        return !rolesByGroup.isEmpty();
    }

    /** The roles these groups grant: themselves without a mapping, else the mapped ones. */
    public Set<String> roles(Collection<String> groups) {
        if (!configured()) {
            return Set.copyOf(groups);
        }
        Set<String> roles = new TreeSet<>();
        for (String group : groups) {
            roles.addAll(rolesByGroup.getOrDefault(group, Set.of()));
        }
        return roles;
    }

    /** The groups that grant {@code role} (for the documentation and the start-up log). */
    public List<String> groupsGranting(String role) {
        return rolesByGroup.entrySet().stream()
                .filter(e -> e.getValue().contains(role))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
