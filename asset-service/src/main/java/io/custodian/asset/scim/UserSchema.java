package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * The attributes of a SCIM User a PATCH may name: RFC 7643 §4.1, the enterprise extension (§4.3)
 * and Custodian's, each with its type. Custodian keeps those {@code scim/schemas.json} declares;
 * the other standard ones are accepted, type-checked and not kept (README, "SCIM"); a name outside
 * all three schemas is {@code invalidPath}, a value of the wrong type {@code invalidValue}.
 */
final class UserSchema {

    enum Type {
        STRING,
        BOOLEAN,
        COMPLEX,
        MULTI_VALUED,
        /** The manager: an id as a string, or {@code {"value": id}}. */
        REFERENCE,
        READ_ONLY
    }

    private static final Map<String, Type> CORE =
            Map.ofEntries(
                    Map.entry("username", Type.STRING),
                    Map.entry("externalid", Type.STRING),
                    Map.entry("displayname", Type.STRING),
                    Map.entry("nickname", Type.STRING),
                    Map.entry("profileurl", Type.STRING),
                    Map.entry("title", Type.STRING),
                    Map.entry("usertype", Type.STRING),
                    Map.entry("preferredlanguage", Type.STRING),
                    Map.entry("locale", Type.STRING),
                    Map.entry("timezone", Type.STRING),
                    Map.entry("password", Type.STRING),
                    Map.entry("active", Type.BOOLEAN),
                    Map.entry("name", Type.COMPLEX),
                    Map.entry("name.formatted", Type.STRING),
                    Map.entry("name.familyname", Type.STRING),
                    Map.entry("name.givenname", Type.STRING),
                    Map.entry("name.middlename", Type.STRING),
                    Map.entry("name.honorificprefix", Type.STRING),
                    Map.entry("name.honorificsuffix", Type.STRING),
                    Map.entry("emails", Type.MULTI_VALUED),
                    Map.entry("phonenumbers", Type.MULTI_VALUED),
                    Map.entry("ims", Type.MULTI_VALUED),
                    Map.entry("photos", Type.MULTI_VALUED),
                    Map.entry("addresses", Type.MULTI_VALUED),
                    Map.entry("entitlements", Type.MULTI_VALUED),
                    Map.entry("roles", Type.MULTI_VALUED),
                    Map.entry("x509certificates", Type.MULTI_VALUED),
                    Map.entry("schemas", Type.MULTI_VALUED),
                    Map.entry("id", Type.READ_ONLY),
                    Map.entry("meta", Type.READ_ONLY),
                    Map.entry("groups", Type.READ_ONLY));

    private static final Map<String, Type> ENTERPRISE =
            Map.of(
                    "employeenumber", Type.STRING,
                    "costcenter", Type.STRING,
                    "organization", Type.STRING,
                    "division", Type.STRING,
                    "department", Type.STRING,
                    "manager", Type.REFERENCE,
                    "manager.value", Type.STRING,
                    "manager.$ref", Type.STRING,
                    "manager.displayname", Type.STRING);

    private static final Map<String, Type> CUSTODIAN = Map.of("subject", Type.STRING);

    private UserSchema() {}

    /**
     * The type of the attribute this name or path (without a value filter) names, with or without
     * its schema's URN; {@code invalidPath} when no schema declares it.
     */
    static Type type(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        String enterprise = ScimUser.ENTERPRISE.toLowerCase(Locale.ROOT);
        String custodian = ScimUser.CUSTODIAN.toLowerCase(Locale.ROOT);
        String core = ScimUser.CORE.toLowerCase(Locale.ROOT) + ":";
        Type type;
        if (name.equals(enterprise) || name.equals(custodian)) {
            type = Type.COMPLEX;
        } else if (name.startsWith(enterprise + ":")) {
            type = ENTERPRISE.get(name.substring(enterprise.length() + 1));
        } else if (name.startsWith(custodian + ":")) {
            type = CUSTODIAN.get(name.substring(custodian.length() + 1));
        } else {
            String bare = name.startsWith(core) ? name.substring(core.length()) : name;
            type = CORE.get(bare);
            if (type == null && bare.contains(".")) {
                // a sub-attribute of a multi-valued one, e.g. emails.value
                Type parent = CORE.get(bare.substring(0, bare.indexOf('.')));
                type = parent == Type.MULTI_VALUED ? Type.STRING : null;
            }
        }
        if (type == null) {
            throw ScimException.invalidPath("No attribute " + path + " in the User schemas.");
        }
        return type;
    }

    /** Refuses ({@code invalidValue}) a value that is not of the attribute's type. */
    static void check(String path, Type type, JsonNode value) {
        if (UserAttributes.isNull(value)) {
            return;
        }
        boolean fits =
                switch (type) {
                    case STRING -> value.isTextual();
                    case BOOLEAN -> {
                        UserAttributes.bool(path, value);
                        yield true;
                    }
                    case COMPLEX -> value.isObject();
                    case MULTI_VALUED -> value.isArray() || value.isObject();
                    case REFERENCE -> value.isTextual() || value.isObject();
                    case READ_ONLY -> true;
                };
        if (!fits) {
            throw ScimException.invalidValue(
                    path
                            + switch (type) {
                                case STRING -> " must be a string.";
                                case COMPLEX -> " must be an object.";
                                default -> " must be an array of values.";
                            });
        }
    }
}
