package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
    static final Pattern VALUE_PATH =
            Pattern.compile("^([A-Za-z][\\w:.\\-]*)\\[([^\\[\\]]+)\\](?:\\.(\\w+))?$");

    private static final Pattern ATTRIBUTE_PATH = Pattern.compile("^[A-Za-z][\\w:.\\-$]*$");

    private ScimPatch() {}

    /** One operation of a PatchOp: {@code op} lower-cased, its path (or null) and value. */
    record Operation(String op, String path, JsonNode value) {}

    /**
     * The operations of a PatchOp message, checked: the body is a PatchOp alone, with a non-empty
     * {@code Operations} array of objects whose {@code op} is add, replace or remove in any case
     * ({@code invalidSyntax} otherwise).
     */
    static List<Operation> operations(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a SCIM PatchOp object.");
        }
        JsonNode schemas = body.get("schemas");
        boolean patchOp = schemas != null && schemas.isArray() && !schemas.isEmpty();
        for (JsonNode schema : patchOp ? schemas : NullNode.getInstance()) {
            patchOp &= schema.isTextual() && SCHEMA.equals(schema.textValue());
        }
        if (!patchOp) {
            throw ScimException.invalidSyntax("schemas must be [\"" + SCHEMA + "\"] alone.");
        }
        JsonNode operations = body.get("Operations");
        if (operations == null) {
            operations = body.get("operations");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PatchOp needs a non-empty Operations array.");
        }
        List<Operation> checked = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            if (!operation.isObject()) {
                throw ScimException.invalidSyntax("Operations[" + i + "] must be an object.");
            }
            String op = UserAttributes.text("op", operation.get("op"));
            String normal = op == null ? "" : op.toLowerCase(Locale.ROOT);
            if (!List.of("add", "replace", "remove").contains(normal)) {
                throw ScimException.invalidSyntax(
                        "op must be add, replace or remove, not " + op + ".");
            }
            checked.add(
                    new Operation(
                            normal,
                            UserAttributes.text("path", operation.get("path")),
                            operation.get("value")));
        }
        return checked;
    }

    static void apply(JsonNode body, UserAttributes attributes) {
        for (Operation operation : operations(body)) {
            String path = operation.path();
            JsonNode value = operation.value();
            switch (operation.op()) {
                case "add" -> set(path, value, false, attributes);
                case "replace" -> set(path, value, true, attributes);
                default -> remove(path, attributes);
            }
            // a PATCH of the e-mail changes the one address the person has, their userName
            if (attributes.email != null) {
                attributes.userName = attributes.email;
                attributes.email = null;
            }
        }
    }

    /**
     * An {@code add} or {@code replace}. The person's login (their one e-mail, the {@code
     * userName}) changes only by an operation that names it: {@code userName}, the work or primary
     * address through a value filter ({@code emails[type eq "work"].value}, {@code emails[primary
     * eq true]}), or a replace of {@code emails} as a whole, whose primary (else work) address it
     * takes. Adding to {@code emails} never does; the other addresses are not kept.
     */
    private static void set(
            String path, JsonNode value, boolean replace, UserAttributes attributes) {
        if (path == null) {
            if (value == null || !value.isObject()) {
                throw ScimException.invalidValue(
                        "An operation without a path needs an object value.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                UserSchema.Type type = UserSchema.type(field.getKey());
                if (type != UserSchema.Type.READ_ONLY) {
                    setAttribute(field.getKey(), type, field.getValue(), replace, attributes);
                }
            }
            return;
        }
        refuseReadOnly(path);
        if (value == null) {
            throw ScimException.invalidValue("An " + path + " operation needs a value.");
        }
        Matcher filtered = VALUE_PATH.matcher(path);
        if (filtered.matches()) {
            if (UserSchema.type(filtered.group(1)) != UserSchema.Type.MULTI_VALUED) {
                throw ScimException.invalidPath(
                        filtered.group(1) + " is not multi-valued and takes no filter: " + path);
            }
            if (isEmails(filtered.group(1))
                    && isLogin(filtered.group(2))
                    && isValueOrWhole(filtered.group(3))) {
                // Entra ID sends the address, or the whole entry, or an array of the one entry
                JsonNode entry = value.isArray() && !value.isEmpty() ? value.get(0) : value;
                JsonNode email = entry.isObject() ? entry.get("value") : entry;
                attributes.email = UserAttributes.text("emails.value", email);
            }
            // other addresses and multi-valued attributes (phoneNumbers, …) are not kept
            return;
        }
        requireAttributePath(path);
        setAttribute(path, UserSchema.type(path), value, replace, attributes);
    }

    /** A complex value merges into what the person has; anything else replaces. */
    private static void setAttribute(
            String name,
            UserSchema.Type type,
            JsonNode value,
            boolean replace,
            UserAttributes attributes) {
        UserSchema.check(name, type, value);
        if (isEmails(name)) {
            if (replace) {
                attributes.email = login(value);
            }
            return;
        }
        if (name.equalsIgnoreCase("name") && value != null && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String sub = "name." + field.getKey();
                UserSchema.check(sub, UserSchema.type(sub), field.getValue());
                attributes.set(sub, field.getValue());
            }
            return;
        }
        attributes.set(name, value);
    }

    /** The primary (else the work) address of a replaced {@code emails}; null when neither. */
    private static String login(JsonNode emails) {
        JsonNode chosen = null;
        for (JsonNode email : emails.isArray() ? emails : List.of(emails)) {
            if (!email.isObject()) {
                throw ScimException.invalidValue("emails must be objects with a value.");
            }
            if (email.path("primary").asBoolean(false)
                    || (chosen == null && "work".equalsIgnoreCase(email.path("type").asText()))) {
                chosen = email;
            }
        }
        return chosen == null ? null : UserAttributes.text("emails.value", chosen.get("value"));
    }

    private static void remove(String path, UserAttributes attributes) {
        if (path == null) {
            throw ScimException.noTarget("A remove operation needs a path.");
        }
        refuseReadOnly(path);
        Matcher filtered = VALUE_PATH.matcher(path);
        if (filtered.matches()) {
            if (UserSchema.type(filtered.group(1)) != UserSchema.Type.MULTI_VALUED) {
                throw ScimException.invalidPath(
                        filtered.group(1) + " is not multi-valued and takes no filter: " + path);
            }
            // the one e-mail is the userName and stays; other multi-valued attributes are not kept
            return;
        }
        requireAttributePath(path);
        UserSchema.type(path);
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
        refuseReadOnly(path, ScimUser.CORE, "id", "meta", "groups");
    }

    /** A path naming one of these read-only attributes of the resource is {@code mutability}. */
    static void refuseReadOnly(String path, String core, String... readOnly) {
        String name = path.toLowerCase(Locale.ROOT);
        String prefix = core.toLowerCase(Locale.ROOT) + ":";
        if (name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        }
        for (String attribute : readOnly) {
            if (name.equals(attribute)
                    || name.startsWith(attribute + ".")
                    || name.startsWith(attribute + "[")) {
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

    /** The filters that pick the address Custodian keeps: the work or the primary one. */
    private static boolean isLogin(String filter) {
        String f = filter.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        return f.equals("type eq \"work\"") || f.equals("primary eq true");
    }

    private static boolean isValueOrWhole(String subAttribute) {
        return subAttribute == null || subAttribute.equalsIgnoreCase("value");
    }
}
