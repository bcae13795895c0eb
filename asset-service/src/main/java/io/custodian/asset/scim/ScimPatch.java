package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 7644 §3.5.2 PatchOp applied to a user's attributes. Both shapes identity providers send work:
 * Okta's {@code {"op":"replace","value":{"active":false}}} (no path, a value object whose keys may
 * be dotted, as Entra ID also sends them) and Entra ID's {@code
 * {"op":"Replace","path":"active","value":"False"}} (a path, op names in any case, booleans as
 * strings). Replacing a complex attribute ({@code name}, the enterprise extension) changes only the
 * sub-attributes given.
 */
final class ScimPatch {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** {@code emails[type eq "work"].value}: a value filter on a multi-valued attribute. */
    private static final Pattern VALUE_PATH =
            Pattern.compile("^([A-Za-z][\\w:.\\-]*)\\[([^\\[\\]]+)\\](?:\\.(\\w+))?$");

    private static final Pattern ATTRIBUTE_PATH = Pattern.compile("^[A-Za-z][\\w:.\\-$]*$");

    private ScimPatch() {}

    static void apply(JsonNode body, UserAttributes attributes) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a SCIM PatchOp object.");
        }
        JsonNode schemas = body.get("schemas");
        boolean patchOp = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                if (!schema.isTextual()) {
                    throw ScimException.invalidSyntax("schemas must be an array of URNs.");
                }
                patchOp |= SCHEMA.equals(schema.textValue());
            }
        }
        if (!patchOp) {
            throw ScimException.invalidSyntax("schemas must hold " + SCHEMA + ".");
        }
        JsonNode operations = body.get("Operations");
        if (operations == null) {
            operations = body.get("operations");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PatchOp needs a non-empty Operations array.");
        }
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            if (!operation.isObject()) {
                throw ScimException.invalidSyntax("Operations[" + i + "] must be an object.");
            }
            String op = UserAttributes.text("op", operation.get("op"));
            String path = UserAttributes.text("path", operation.get("path"));
            JsonNode value = operation.get("value");
            switch (op == null ? "" : op.toLowerCase(Locale.ROOT)) {
                case "add", "replace" -> set(path, value, attributes);
                case "remove" -> remove(path, attributes);
                default ->
                        throw ScimException.invalidSyntax(
                                "op must be add, replace or remove, not " + op + ".");
            }
            // a PATCH of the e-mail changes the one address the person has, their userName
            if (attributes.email != null) {
                attributes.userName = attributes.email;
                attributes.email = null;
            }
        }
    }

    private static void set(String path, JsonNode value, UserAttributes attributes) {
        if (path == null) {
            if (value == null || !value.isObject()) {
                throw ScimException.invalidValue(
                        "An operation without a path needs an object value.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                setAttribute(field.getKey(), field.getValue(), attributes);
            }
            return;
        }
        refuseReadOnly(path);
        if (value == null) {
            throw ScimException.invalidValue("An " + path + " operation needs a value.");
        }
        Matcher filtered = VALUE_PATH.matcher(path);
        if (filtered.matches()) {
            if (isEmails(filtered.group(1)) && isValueOrWhole(filtered.group(3))) {
                JsonNode email = value.isObject() ? value.get("value") : value;
                attributes.email = UserAttributes.text("emails.value", email);
            }
            // other multi-valued attributes (addresses, phoneNumbers, …) are not kept
            return;
        }
        requireAttributePath(path);
        setAttribute(path, value, attributes);
    }

    /** A complex value merges into what the person has; anything else replaces. */
    private static void setAttribute(String name, JsonNode value, UserAttributes attributes) {
        if (name.equalsIgnoreCase("name") && value != null && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                attributes.set("name." + field.getKey(), field.getValue());
            }
            return;
        }
        attributes.set(name, value);
    }

    private static void remove(String path, UserAttributes attributes) {
        if (path == null) {
            throw ScimException.noTarget("A remove operation needs a path.");
        }
        refuseReadOnly(path);
        Matcher filtered = VALUE_PATH.matcher(path);
        if (filtered.matches()) {
            // the one e-mail is the userName and stays; other multi-valued attributes are not kept
            return;
        }
        requireAttributePath(path);
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith("username") || name.endsWith("externalid")) {
            throw new ScimException(400, "mutability", path + " is required and can't be removed.");
        }
        if (name.endsWith("active") || name.endsWith("emails")) {
            return;
        }
        attributes.set(path, NullNode.getInstance());
    }

    /**
     * {@code id}, {@code meta} and {@code groups} are read-only (RFC 7643 §4.1, §3.1): a PATCH that
     * targets one of them by path is refused with {@code mutability} (RFC 7644 §3.5.2), never
     * applied. In a POST or PUT body they are ignored, as RFC 7643 §2.2 has it.
     */
    private static void refuseReadOnly(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        String core = ScimUser.CORE.toLowerCase(Locale.ROOT) + ":";
        if (name.startsWith(core)) {
            name = name.substring(core.length());
        }
        for (String readOnly : new String[] {"id", "meta", "groups"}) {
            if (name.equals(readOnly)
                    || name.startsWith(readOnly + ".")
                    || name.startsWith(readOnly + "[")) {
                throw new ScimException(400, "mutability", path + " is read-only.");
            }
        }
    }

    private static void requireAttributePath(String path) {
        if (!ATTRIBUTE_PATH.matcher(path).matches()) {
            throw ScimException.invalidPath("Unsupported or malformed path: " + path);
        }
    }

    private static boolean isEmails(String attribute) {
        String name = attribute.toLowerCase(Locale.ROOT);
        return name.equals("emails")
                || name.equals(ScimUser.CORE.toLowerCase(Locale.ROOT) + ":emails");
    }

    private static boolean isValueOrWhole(String subAttribute) {
        return subAttribute == null || subAttribute.equalsIgnoreCase("value");
    }
}
