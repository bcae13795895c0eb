package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 §3.9, §3.4.2.5): a user or group with
 * only the attributes asked for, or without those excluded; {@code id} and {@code schemas} are
 * always returned. Names are case-insensitive, with or without their schema's URN, a sub-attribute
 * after a dot ({@code name.givenName}); a name the resource's schemas do not declare selects
 * nothing.
 */
final class ScimProjection {

    private static final List<String> ALWAYS = List.of("id", "schemas");

    private final List<String[]> only;
    private final List<String[]> excluded;

    private ScimProjection(List<String[]> only, List<String[]> excluded) {
        this.only = only;
        this.excluded = excluded;
    }

    /** For a user, whose attributes may be named with the core schema's or an extension's URN. */
    static ScimProjection ofUser(String attributes, String excludedAttributes) {
        List<String> extensions = List.of(ScimUser.ENTERPRISE, ScimUser.CUSTODIAN);
        return new ScimProjection(
                paths(attributes, ScimUser.CORE, extensions),
                paths(excludedAttributes, ScimUser.CORE, extensions));
    }

    /** For a group, whose attributes may be named with the core Group schema's URN. */
    static ScimProjection ofGroup(String attributes, String excludedAttributes) {
        return new ScimProjection(
                paths(attributes, ScimGroup.CORE, List.of()),
                paths(excludedAttributes, ScimGroup.CORE, List.of()));
    }

    /** The resources of a page, each projected; the page itself when nothing is selected. */
    ListResponse<?> apply(ObjectMapper json, ListResponse<?> page) {
        if (isIdentity()) {
            return page;
        }
        return new ListResponse<>(
                page.schemas(),
                page.totalResults(),
                page.startIndex(),
                page.itemsPerPage(),
                page.resources().stream().map(r -> apply(json, r)).toList());
    }

    boolean isIdentity() {
        return only.isEmpty() && excluded.isEmpty();
    }

    JsonNode apply(ObjectMapper json, Object resource) {
        ObjectNode full = json.valueToTree(resource);
        if (!only.isEmpty()) {
            ObjectNode kept = json.createObjectNode();
            for (String name : ALWAYS) {
                if (full.has(name)) {
                    kept.set(name, full.get(name));
                }
            }
            for (String[] path : only) {
                copy(full, kept, path);
            }
            return kept;
        }
        for (String[] path : excluded) {
            if (!(path.length == 1 && ALWAYS.contains(path[0].toLowerCase(Locale.ROOT)))) {
                remove(full, path);
            }
        }
        return full;
    }

    /**
     * "name.givenName,urn:…:enterprise:2.0:User:manager" → [[name, givenName], [urn…, manager]].
     */
    private static List<String[]> paths(String list, String core, List<String> extensions) {
        List<String[]> paths = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return paths;
        }
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            String urn = null;
            for (String extension : extensions) {
                if (name.regionMatches(true, 0, extension, 0, extension.length())) {
                    urn = extension;
                }
            }
            if (urn == null && name.regionMatches(true, 0, core + ":", 0, core.length() + 1)) {
                name = name.substring(core.length() + 1);
            }
            if (urn != null) {
                String rest = name.substring(urn.length());
                paths.add(
                        rest.isEmpty()
                                ? new String[] {urn}
                                : concat(urn, rest.substring(1).split("\\.")));
            } else {
                paths.add(name.split("\\."));
            }
        }
        return paths;
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static void copy(ObjectNode from, ObjectNode to, String[] path) {
        ObjectNode source = from;
        ObjectNode target = to;
        for (int i = 0; i < path.length; i++) {
            String field = field(source, path[i]);
            if (field == null) {
                return;
            }
            JsonNode value = source.get(field);
            if (i == path.length - 1 || !value.isObject()) {
                target.set(field, value);
                return;
            }
            source = (ObjectNode) value;
            target = target.has(field) ? (ObjectNode) target.get(field) : target.putObject(field);
        }
    }

    private static void remove(ObjectNode from, String[] path) {
        ObjectNode node = from;
        for (int i = 0; i < path.length; i++) {
            String field = field(node, path[i]);
            if (field == null) {
                return;
            }
            if (i == path.length - 1) {
                node.remove(field);
                return;
            }
            if (!node.get(field).isObject()) {
                return;
            }
            node = (ObjectNode) node.get(field);
        }
    }

    /** The node's field of this name, case-insensitively; null when it has none. */
    private static String field(ObjectNode node, String name) {
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }
}
