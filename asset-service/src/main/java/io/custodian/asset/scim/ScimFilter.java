package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.ownership.Person;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) as a query over the directory: comparisons {@code eq}, {@code
 * ne}, {@code co}, {@code sw}, {@code ew} and {@code pr}, combined with {@code and}, {@code or},
 * {@code not ( … )} and parentheses, on the attributes Custodian keeps: {@code userName} and {@code
 * emails.value} (the one address, case-insensitive), {@code externalId}, {@code id}, {@code
 * displayName}, {@code name.givenName}, {@code name.familyName} (case-insensitive) and {@code
 * active}. Anything else is {@code invalidFilter}.
 *
 * @param where a JPQL condition on {@code Person}, its parameters numbered from 1
 * @param params the parameters, in order
 */
record ScimFilter(String where, List<Object> params) {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern TOKEN =
            Pattern.compile(
                    "\\s*(\\(|\\)|\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z0-9_:.$\\-]+(?:\\[[^\\]]*\\](?:\\.\\w+)?)?)");

    /** A kept attribute: its JPQL path, and whether it compares case-insensitively. */
    private record Field(String path, boolean lowerCase, boolean uuid, boolean active) {}

    private static final Map<String, Field> FIELDS =
            Map.of(
                    "username", new Field("email", true, false, false),
                    "emails", new Field("email", true, false, false),
                    "emails.value", new Field("email", true, false, false),
                    "externalid", new Field("employeeId", false, false, false),
                    "id", new Field("id", false, true, false),
                    "displayname", new Field("displayName", true, false, false),
                    "name.givenname", new Field("givenName", true, false, false),
                    "name.familyname", new Field("familyName", true, false, false),
                    "active", new Field("status", false, false, true));

    static ScimFilter parse(String filter) {
        Parser parser = new Parser(tokens(filter));
        String where = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw ScimException.invalidFilter(
                    "Unexpected " + parser.tokens.get(parser.position) + " in the filter.");
        }
        return new ScimFilter(where, parser.params);
    }

    private static List<String> tokens(String filter) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(filter);
        int at = 0;
        while (at < filter.length()) {
            if (!m.find(at) || m.start() != at) {
                if (filter.substring(at).isBlank()) {
                    break;
                }
                throw ScimException.invalidFilter(
                        "The filter is malformed near: " + filter.substring(at));
            }
            tokens.add(m.group(1));
            at = m.end();
        }
        if (tokens.isEmpty()) {
            throw ScimException.invalidFilter("The filter is empty.");
        }
        return tokens;
    }

    /** Recursive descent: or → and → not / ( … ) / comparison. */
    private static final class Parser {

        final List<String> tokens;
        final List<Object> params = new ArrayList<>();
        int position;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        String or() {
            String left = and();
            while (keyword("or")) {
                left = "(" + left + " or " + and() + ")";
            }
            return left;
        }

        String and() {
            String left = factor();
            while (keyword("and")) {
                left = "(" + left + " and " + factor() + ")";
            }
            return left;
        }

        String factor() {
            if (keyword("not")) {
                expect("(");
                String inner = or();
                expect(")");
                return "not (" + inner + ")";
            }
            if (peek("(")) {
                position++;
                String inner = or();
                expect(")");
                return "(" + inner + ")";
            }
            return comparison();
        }

        String comparison() {
            String attribute = next("an attribute");
            Field field = field(attribute);
            String operator = next("an operator").toLowerCase(Locale.ROOT);
            if (operator.equals("pr")) {
                return field.active() ? "(1 = 1)" : "(" + field.path() + " is not null)";
            }
            Object value = value(next("a value"));
            if (field.active()) {
                if (!(value instanceof Boolean active) || !List.of("eq", "ne").contains(operator)) {
                    throw ScimException.invalidFilter(
                            "active compares with eq or ne to true or false.");
                }
                boolean wanted = operator.equals("eq") == active;
                return "(status " + (wanted ? "=" : "<>") + " " + param(Person.Status.ACTIVE) + ")";
            }
            if (!(value instanceof String text)) {
                throw ScimException.invalidFilter(attribute + " compares with a string.");
            }
            if (field.uuid()) {
                UUID id = uuid(text);
                return switch (operator) {
                    case "eq" -> id == null ? "(1 = 0)" : "(id = " + param(id) + ")";
                    case "ne" -> id == null ? "(1 = 1)" : "(id <> " + param(id) + ")";
                    default -> throw ScimException.invalidFilter("id compares with eq or ne.");
                };
            }
            String column = field.lowerCase() ? "lower(" + field.path() + ")" : field.path();
            String v = field.lowerCase() ? text.toLowerCase(Locale.ROOT) : text;
            return switch (operator) {
                case "eq" -> "(" + column + " = " + param(v) + ")";
                case "ne" -> "(" + column + " is null or " + column + " <> " + param(v) + ")";
                case "co" -> "(" + column + " like " + param("%" + like(v) + "%") + " escape '!')";
                case "sw" -> "(" + column + " like " + param(like(v) + "%") + " escape '!')";
                case "ew" -> "(" + column + " like " + param("%" + like(v)) + " escape '!')";
                default ->
                        throw ScimException.invalidFilter(
                                "The operator "
                                        + operator
                                        + " is not supported; use eq, ne, co, sw, ew or pr.");
            };
        }

        private Field field(String attribute) {
            String name = attribute.toLowerCase(Locale.ROOT);
            String core = ScimUser.CORE.toLowerCase(Locale.ROOT) + ":";
            if (name.startsWith(core)) {
                name = name.substring(core.length());
            }
            if (name.equals("emails[type eq \"work\"].value")) {
                name = "emails.value";
            }
            Field field = FIELDS.get(name);
            if (field == null) {
                throw ScimException.invalidFilter(
                        "Filtering by "
                                + attribute
                                + " is not supported; use userName, emails.value, externalId, id,"
                                + " displayName, name.givenName, name.familyName or active.");
            }
            return field;
        }

        private String param(Object value) {
            params.add(value);
            return "?" + params.size();
        }

        private boolean keyword(String word) {
            if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(word)) {
                position++;
                return true;
            }
            return false;
        }

        private boolean peek(String token) {
            return position < tokens.size() && tokens.get(position).equals(token);
        }

        private void expect(String token) {
            if (!peek(token)) {
                throw ScimException.invalidFilter("Expected " + token + " in the filter.");
            }
            position++;
        }

        private String next(String what) {
            if (position >= tokens.size()) {
                throw ScimException.invalidFilter(
                        "The filter ends where " + what + " was expected.");
            }
            return tokens.get(position++);
        }
    }

    /** A comparison value: a JSON string, true, false or null. */
    private static Object value(String token) {
        if (token.startsWith("\"")) {
            try {
                return JSON.readValue(token, String.class);
            } catch (IOException e) {
                throw ScimException.invalidFilter("The filter's value is not a valid string.");
            }
        }
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ScimException.invalidFilter("Unsupported value " + token + ".");
        };
    }

    private static String like(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
