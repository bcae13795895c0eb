package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.custodian.asset.ownership.Group;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of a SCIM Group that Custodian keeps, as a request gives them (POST, PUT) or as a
 * PATCH leaves them: {@code displayName}, {@code externalId} and the members' user ids. The
 * read-only {@code id} and {@code meta} are ignored in a body, as RFC 7643 §2.2 has it; any other
 * attribute is refused ({@code invalidValue}), since nothing else of a group is kept.
 */
final class GroupAttributes {

    String displayName;
    String externalId;

    /** The members' SCIM ids, as sent, in order. */
    final Set<String> members = new LinkedHashSet<>();

    /** A whole Group from a POST or PUT body. */
    static GroupAttributes fromResource(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a SCIM Group object.");
        }
        GroupAttributes a = new GroupAttributes();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (name(field.getKey())) {
                case "displayname" -> a.displayName = text(field.getKey(), field.getValue());
                case "externalid" -> a.externalId = text(field.getKey(), field.getValue());
                case "members" -> a.members.addAll(members(field.getValue()));
                case "schemas" -> schemas(field.getValue());
                case "id", "meta" -> {
                    // read-only: ignored
                }
                default ->
                        throw ScimException.invalidValue(
                                field.getKey()
                                        + " is not an attribute of a Group here; Custodian keeps"
                                        + " displayName, externalId and members.");
            }
        }
        return a;
    }

    /** The group's current attributes, for a PATCH to change. */
    static GroupAttributes of(Group g) {
        GroupAttributes a = new GroupAttributes();
        a.displayName = g.name;
        a.externalId = g.scimExternalId;
        g.members.forEach(p -> a.members.add(p.id.toString()));
        return a;
    }

    /**
     * An attribute's name, lower-cased and without the core Group schema's URN: what {@link
     * #fromResource} and a PATCH path compare.
     */
    static String name(String attribute) {
        String name = attribute.toLowerCase(Locale.ROOT);
        String core = ScimGroup.CORE.toLowerCase(Locale.ROOT) + ":";
        return name.startsWith(core) ? name.substring(core.length()) : name;
    }

    /**
     * The user ids of members as identity providers send them: an array of {@code {"value": id}}
     * (with {@code $ref}, {@code display} and {@code type} optional), or one such object. A nested
     * group is refused: only users are members.
     */
    static List<String> members(JsonNode value) {
        if (UserAttributes.isNull(value)) {
            return List.of();
        }
        if (!value.isArray() && !value.isObject()) {
            throw ScimException.invalidValue("members must be an array of {\"value\": user id}.");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode member : value.isArray() ? value : List.of(value)) {
            if (!member.isObject()) {
                throw ScimException.invalidValue("members must be objects with a value.");
            }
            text("members.$ref", member.get("$ref"));
            text("members.display", member.get("display"));
            String type = text("members.type", member.get("type"));
            if (type != null && !type.equalsIgnoreCase("User")) {
                throw ScimException.invalidValue(
                        "members.type: only users are members of a group, not " + type + ".");
            }
            String id = text("members.value", member.get("value"));
            if (id == null) {
                throw ScimException.invalidValue("members.value (the user's id) is required.");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static void schemas(JsonNode value) {
        if (UserAttributes.isNull(value)) {
            return;
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue("schemas must be an array of URNs.");
        }
        for (int i = 0; i < value.size(); i++) {
            String urn = text("schemas[" + i + "]", value.get(i));
            if (urn != null && !urn.equalsIgnoreCase(ScimGroup.CORE)) {
                throw ScimException.invalidValue(
                        "schemas: a Group here has no extension, not " + urn + ".");
            }
        }
    }

    static String text(String attribute, JsonNode value) {
        return UserAttributes.text(attribute, value);
    }
}
