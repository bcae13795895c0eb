package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 7644 §3.5.2 PatchOp applied to a group's attributes, in the shapes Okta and Entra ID send:
 * Okta's {@code {"op":"add","path":"members","value":[{"value":id}]}} and {@code
 * {"op":"remove","path":"members[value eq \"id\"]"}}; Entra ID's capitalised ops, {@code
 * {"op":"Remove","path":"members","value":[{"value":id}]}}, {@code
 * {"op":"Replace","path":"displayName","value":"new"}} and a replace without a path whose value
 * object holds the attributes (its read-only {@code id} and {@code meta} ignored).
 */
final class GroupPatch {

    /** {@code members[value eq "…"]}: the one filter a member is picked by. */
    private static final Pattern MEMBER =
            Pattern.compile("^\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*$", Pattern.CASE_INSENSITIVE);

    private GroupPatch() {}

    static void apply(JsonNode body, GroupAttributes group) {
        for (ScimPatch.Operation operation : ScimPatch.operations(body)) {
            if (operation.path() == null) {
                withoutPath(operation, group);
            } else {
                withPath(operation, group);
            }
        }
    }

    /** An add or replace whose value object names the attributes. */
    private static void withoutPath(ScimPatch.Operation operation, GroupAttributes group) {
        if (operation.op().equals("remove")) {
            throw ScimException.noTarget("A remove operation needs a path.");
        }
        JsonNode value = operation.value();
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue("An operation without a path needs an object value.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = GroupAttributes.name(field.getKey());
            if (!name.equals("id") && !name.equals("meta") && !name.equals("schemas")) {
                set(field.getKey(), name, operation.op(), field.getValue(), group);
            }
        }
    }

    private static void withPath(ScimPatch.Operation operation, GroupAttributes group) {
        String path = operation.path();
        ScimPatch.refuseReadOnly(path, ScimGroup.CORE, "id", "meta");
        Matcher filtered = ScimPatch.VALUE_PATH.matcher(path);
        if (filtered.matches()) {
            Matcher member = MEMBER.matcher(filtered.group(2));
            if (!GroupAttributes.name(filtered.group(1)).equals("members")
                    || filtered.group(3) != null
                    || !member.matches()) {
                throw ScimException.invalidPath(
                        "Unsupported path "
                                + path
                                + "; a member is picked by members[value eq \"id\"].");
            }
            if (!operation.op().equals("remove")) {
                throw ScimException.invalidPath(
                        path + " takes remove; add members through the path members.");
            }
            group.members.remove(member.group(1));
            return;
        }
        String name = GroupAttributes.name(path);
        if (operation.op().equals("remove")) {
            switch (name) {
                case "members" -> {
                    if (UserAttributes.isNull(operation.value())) {
                        group.members.clear();
                    } else {
                        // Entra ID names the members to remove in the value
                        GroupAttributes.members(operation.value()).forEach(group.members::remove);
                    }
                }
                case "externalid" -> group.externalId = null;
                case "displayname" ->
                        throw new ScimException(
                                400, "mutability", path + " is required and can't be removed.");
                default -> throw unknown(path);
            }
            return;
        }
        if (operation.value() == null) {
            throw ScimException.invalidValue("An " + path + " operation needs a value.");
        }
        set(path, name, operation.op(), operation.value(), group);
    }

    /** An add or a replace of one attribute: of members, add keeps those there, replace not. */
    private static void set(
            String attribute, String name, String op, JsonNode value, GroupAttributes group) {
        switch (name) {
            case "displayname" -> {
                String text = GroupAttributes.text(attribute, value);
                if (text == null) {
                    throw ScimException.invalidValue(attribute + " must not be empty.");
                }
                group.displayName = text;
            }
            case "externalid" -> group.externalId = GroupAttributes.text(attribute, value);
            case "members" -> {
                List<String> members = GroupAttributes.members(value);
                if (op.equals("replace")) {
                    group.members.clear();
                }
                group.members.addAll(members);
            }
            default -> throw unknown(attribute);
        }
    }

    private static ScimException unknown(String path) {
        return ScimException.invalidPath(
                "No attribute "
                        + path
                        + " in the Group schema; a group has displayName, externalId and members.");
    }
}
