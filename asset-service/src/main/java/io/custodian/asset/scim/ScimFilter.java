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
 * {@code not ( … )} and parentheses, on the attributes Custodian keeps of the resource ({@link
 * #USERS}, {@link #GROUPS}). Anything else is {@code invalidFilter}.
 *
 * @param where a JPQL condition on {@code Person p} or {@code AssetGroup g}, its parameters
 *     numbered from 1
 * @param params the parameters, in order
 */
record ScimFilter(String where, List<Object> params) {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern TOKEN =
            Pattern.compile(
                    "\\s*(\\(|\\)|\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z0-9_:.$\\-]+(?:\\[[^\\]]*\\](?:\\.\\w+)?)?)");

    /** How an attribute compares. */
    private enum Kind {
        EXACT,
        /** case-insensitive */
        LOWER,
        UUID,
        /** a person's status: {@code active} */
        ACTIVE,
        /** a group's member, by the user's id */
        MEMBER
    }

    /** A kept attribute: its JPQL path and how it compares. */
    private record Field(String path, Kind kind) {}

    /**
     * The attributes a resource's filter may name (lower-case, without the core schema's URN), and
     * how an error lists them.
     */
    record Attributes(String core, Map<String, Field> fields, String names) {}

    /**
     * Users: {@code userName} and {@code emails.value} (the one address, case-insensitive), {@code
     * externalId}, {@code id}, {@code displayName}, {@code name.givenName}, {@code name.familyName}
     * (case-insensitive) and {@code active}.
     */
    static final Attributes USERS =
            new Attributes(
                    ScimUser.CORE,
                    Map.of(
                            "username", new Field("p.email", Kind.LOWER),
                            "emails", new Field("p.email", Kind.LOWER),
                            "emails.value", new Field("p.email", Kind.LOWER),
                            "emails[type eq \"work\"].value", new Field("p.email", Kind.LOWER),
                            "externalid", new Field("p.employeeId", Kind.EXACT),
                            "id", new Field("p.id", Kind.UUID),
                            "displayname", new Field("p.displayName", Kind.LOWER),
                            "name.givenname", new Field("p.givenName", Kind.LOWER),
                            "name.familyname", new Field("p.familyName", Kind.LOWER),
                            "active", new Field("p.status", Kind.ACTIVE)),
                    "userName, emails.value, externalId, id, displayName, name.givenName,"
                            + " name.familyName or active");

    /**
     * Groups: {@code displayName} (case-insensitive), {@code externalId}, {@code id} and {@code
     * members.value} ({@code eq} only: the groups the user is a member of).
     */
    static final Attributes GROUPS =
            new Attributes(
                    ScimGroup.CORE,
                    Map.of(
                            "displayname", new Field("g.name", Kind.LOWER),
                            "externalid", new Field("g.scimExternalId", Kind.EXACT),
                            "id", new Field("g.id", Kind.UUID),
                            "members", new Field("g", Kind.MEMBER),
                            "members.value", new Field("g", Kind.MEMBER)),
                    "displayName, externalId, id or members.value");

    /** Every resource. */
    static final ScimFilter ALL = new ScimFilter("(1 = 1)", List.of());

    /** The filter of a list request: everything when none is given. */
    static ScimFilter of(String filter, Attributes attributes) {
        return filter == null || filter.isBlank() ? ALL : parse(filter, attributes);
    }

    static ScimFilter parse(String filter, Attributes attributes) {
        Parser parser = new Parser(tokens(filter), attributes);
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
        final Attributes attributes;
        final List<Object> params = new ArrayList<>();
        int position;

        Parser(List<String> tokens, Attributes attributes) {
            this.tokens = tokens;
            this.attributes = attributes;
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
                return switch (field.kind()) {
                    case ACTIVE -> "(1 = 1)";
                    case MEMBER -> "(" + field.path() + ".members is not empty)";
                    default -> "(" + field.path() + " is not null)";
                };
            }
            Object value = value(next("a value"));
            if (field.kind() == Kind.ACTIVE) {
                if (!(value instanceof Boolean active) || !List.of("eq", "ne").contains(operator)) {
                    throw ScimException.invalidFilter(
                            "active compares with eq or ne to true or false.");
                }
                boolean wanted = operator.equals("eq") == active;
                return "("
                        + field.path()
                        + (wanted ? " = " : " <> ")
                        + param(Person.Status.ACTIVE)
                        + ")";
            }
            if (!(value instanceof String text)) {
                throw ScimException.invalidFilter(attribute + " compares with a string.");
            }
            if (field.kind() == Kind.MEMBER) {
                if (!operator.equals("eq")) {
                    throw ScimException.invalidFilter(attribute + " compares with eq.");
                }
                UUID id = uuid(text);
                return id == null
                        ? "(1 = 0)"
                        : "(exists (select m.id from AssetGroup g2 join g2.members m where g2.id = "
                                + field.path()
                                + ".id and m.id = "
                                + param(id)
                                + "))";
            }
            if (field.kind() == Kind.UUID) {
                UUID id = uuid(text);
                String path = field.path();
                return switch (operator) {
                    case "eq" -> id == null ? "(1 = 0)" : "(" + path + " = " + param(id) + ")";
                    case "ne" -> id == null ? "(1 = 1)" : "(" + path + " <> " + param(id) + ")";
                    default -> throw ScimException.invalidFilter("id compares with eq or ne.");
                };
            }
            boolean lower = field.kind() == Kind.LOWER;
            String column = lower ? "lower(" + field.path() + ")" : field.path();
            String v = lower ? text.toLowerCase(Locale.ROOT) : text;
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
            String core = attributes.core().toLowerCase(Locale.ROOT) + ":";
            if (name.startsWith(core)) {
                name = name.substring(core.length());
            }
            Field field = attributes.fields().get(name);
            if (field == null) {
                throw ScimException.invalidFilter(
                        "Filtering by "
                                + attribute
                                + " is not supported; use "
                                + attributes.names()
                                + ".");
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

    /** The UUID this text is, or null. */
    static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
