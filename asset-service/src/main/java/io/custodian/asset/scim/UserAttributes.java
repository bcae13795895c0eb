package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.web.Text;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The attributes of a SCIM User that Custodian keeps, as a request gives them (POST, PUT) or as a
 * PATCH leaves them. Attributes Custodian does not keep (phone numbers, addresses, title, …) are
 * accepted and ignored, as RFC 7644 §3.3 allows; so is {@code password}.
 */
final class UserAttributes {

    String userName;
    String externalId;
    String displayName;
    String formattedName;
    String givenName;
    String familyName;

    /** The primary (else first) address of {@code emails}, when the request gives them. */
    String email;

    /** {@code null}: the request leaves the person's status as it is. */
    Boolean active;

    /** Whether the request says anything about the manager; {@code managerRef} null clears it. */
    boolean managerGiven;

    String managerRef;

    /** The identity provider's subject (Custodian's extension); {@code null} keeps it. */
    String subject;

    /** A whole User from a POST or PUT body. */
    static UserAttributes fromResource(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a SCIM User object.");
        }
        UserAttributes a = new UserAttributes();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            a.set(field.getKey(), field.getValue());
        }
        // a body that says which schemas it uses must list every extension it carries
        JsonNode schemas = body.get("schemas");
        for (String extension : new String[] {ScimUser.ENTERPRISE, ScimUser.CUSTODIAN}) {
            if (schemas != null && body.has(extension) && !listed(schemas, extension)) {
                throw ScimException.invalidValue(
                        "The user carries " + extension + " but schemas does not list it.");
            }
        }
        // the person has one e-mail, their userName; the emails stand in only when it is absent
        if (a.userName == null) {
            a.userName = a.email;
        }
        return a;
    }

    /** The person's current attributes, for a PATCH to change; {@code active} stays unset. */
    static UserAttributes of(Person p) {
        UserAttributes a = new UserAttributes();
        a.userName = ScimUser.userName(p);
        a.externalId = p.employeeId;
        a.displayName = p.displayName;
        a.givenName = p.givenName;
        a.familyName = p.familyName;
        a.managerGiven = true;
        a.managerRef = p.manager == null ? null : p.manager.id.toString();
        a.subject = p.subject;
        return a;
    }

    /**
     * Set one attribute by its name (case-insensitive, with or without the schema URN prefix). A
     * {@code null} value clears it.
     */
    void set(String attribute, JsonNode value) {
        String name = attribute.toLowerCase(Locale.ROOT);
        if (name.startsWith(ScimUser.ENTERPRISE.toLowerCase(Locale.ROOT))) {
            String rest = name.substring(ScimUser.ENTERPRISE.length());
            if (rest.isEmpty()) {
                setEnterprise(value);
            } else if (rest.startsWith(":")) {
                setEnterpriseAttribute(rest.substring(1), value);
            }
            return;
        }
        if (name.startsWith(ScimUser.CUSTODIAN.toLowerCase(Locale.ROOT))) {
            String rest = name.substring(ScimUser.CUSTODIAN.length());
            if (rest.isEmpty() && !isNull(value)) {
                requireObject(ScimUser.CUSTODIAN, value);
                value.fields()
                        .forEachRemaining(f -> setCustodianAttribute(f.getKey(), f.getValue()));
            } else if (rest.startsWith(":")) {
                setCustodianAttribute(rest.substring(1), value);
            }
            return;
        }
        if (name.startsWith(ScimUser.CORE.toLowerCase(Locale.ROOT) + ":")) {
            name = name.substring(ScimUser.CORE.length() + 1);
        }
        switch (name) {
            case "username" -> userName = text(attribute, value);
            case "externalid" -> externalId = text(attribute, value);
            case "displayname" -> displayName = text(attribute, value);
            case "active" -> active = bool(attribute, value);
            case "name" -> setName(value);
            case "name.givenname" -> givenName = text(attribute, value);
            case "name.familyname" -> familyName = text(attribute, value);
            case "name.formatted" -> formattedName = text(attribute, value);
            case "emails" -> setEmails(value);
            case "schemas" -> {
                if (!isNull(value)) {
                    if (!value.isArray()) {
                        throw ScimException.invalidValue("schemas must be an array of URNs.");
                    }
                    for (int i = 0; i < value.size(); i++) {
                        text("schemas[" + i + "]", value.get(i));
                    }
                }
            }
            default -> {
                // id, meta and the attributes Custodian does not keep
            }
        }
    }

    void setName(JsonNode value) {
        if (isNull(value)) {
            givenName = familyName = formattedName = null;
            return;
        }
        requireObject("name", value);
        givenName = value.has("givenName") ? text("name.givenName", value.get("givenName")) : null;
        familyName =
                value.has("familyName") ? text("name.familyName", value.get("familyName")) : null;
        formattedName =
                value.has("formatted") ? text("name.formatted", value.get("formatted")) : null;
    }

    /** The primary (else the first) address of the given e-mails. */
    void setEmails(JsonNode value) {
        if (isNull(value)) {
            return;
        }
        if (value.isObject()) {
            email = text("emails.value", value.get("value"));
            return;
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue("emails must be an array of e-mail addresses.");
        }
        JsonNode chosen = null;
        for (JsonNode email : value) {
            requireObject("emails", email);
            text("emails.type", email.get("type"));
            bool("emails.primary", email.get("primary"));
            if (chosen == null || email.path("primary").asBoolean(false)) {
                chosen = email;
            }
        }
        if (chosen != null) {
            email = text("emails.value", chosen.get("value"));
        }
    }

    private void setEnterprise(JsonNode value) {
        if (isNull(value)) {
            managerGiven = true;
            managerRef = null;
            return;
        }
        requireObject(ScimUser.ENTERPRISE, value);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            setEnterpriseAttribute(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
        }
    }

    private void setEnterpriseAttribute(String name, JsonNode value) {
        switch (name) {
            case "manager", "manager.value" -> {
                managerGiven = true;
                if (isNull(value)) {
                    managerRef = null;
                } else if (value.isObject()) {
                    text("manager.$ref", value.get("$ref"));
                    text("manager.displayName", value.get("displayName"));
                    managerRef =
                            value.has("value") ? text("manager.value", value.get("value")) : null;
                } else {
                    managerRef = text("manager", value);
                }
                if (managerRef != null && managerRef.isBlank()) {
                    managerRef = null;
                }
            }
            case "employeenumber" -> {
                String number = text("employeeNumber", value);
                if (number != null && externalId == null) {
                    externalId = number;
                }
            }
            default -> {
                // department, organization, … are not kept
            }
        }
    }

    private void setCustodianAttribute(String name, JsonNode value) {
        if (name.equalsIgnoreCase("subject")) {
            String given = text("subject", value);
            if (given != null) {
                subject = given;
            }
        }
    }

    private static boolean listed(JsonNode schemas, String urn) {
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                if (schema.isTextual() && schema.asText().equalsIgnoreCase(urn)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isNull(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static void requireObject(String attribute, JsonNode value) {
        if (!value.isObject()) {
            throw ScimException.invalidValue(attribute + " must be an object.");
        }
    }

    static String text(String attribute, JsonNode value) {
        if (isNull(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimException.invalidValue(attribute + " must be a string.");
        }
        String problem = Text.notSingleLine(value.asText());
        if (problem != null) {
            throw ScimException.invalidValue(attribute + " " + problem + ".");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** Okta sends {@code false}, Entra ID {@code "False"}: both are accepted. */
    static Boolean bool(String attribute, JsonNode value) {
        if (isNull(value)) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.asText().trim();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw ScimException.invalidValue(attribute + " must be true or false.");
    }
}
