package io.custodian.asset.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.custodian.asset.TestClock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The served OpenAPI 3.1 document as the negative test walks it: operations with their parameters
 * and JSON request bodies, schemas with {@code $ref}, {@code allOf}, {@code oneOf}/{@code anyOf}
 * and type arrays ({@code [string, 'null']}) resolved, plausible valid values built from {@code
 * example}/{@code examples}/{@code default}/{@code enum}/{@code format}, and every field of a body
 * at every depth.
 */
final class OpenApiContract {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private final JsonNode doc;

    OpenApiContract(JsonNode doc) {
        this.doc = doc;
    }

    /** A parameter of an operation (path-level and operation-level merged). */
    record Param(String name, String in, boolean required, JsonNode schema, JsonNode example) {}

    /** The request body in the first JSON media type the operation lists (or its first one). */
    record Body(boolean required, String mediaType, JsonNode schema, List<JsonNode> examples) {
        /** The first example, or null. */
        JsonNode example() {
            return examples.isEmpty() ? null : examples.get(0);
        }

        boolean json() {
            return isJson(mediaType);
        }
    }

    record Operation(
            String method,
            String path,
            String id,
            List<Param> params,
            Body body,
            Set<String> successTypes) {
        String label() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " (" + id + ")";
        }

        boolean scim() {
            return path.startsWith("/scim/");
        }
    }

    /** A field of a body: its path from the root (property names and array indexes). */
    record Field(List<Object> path, JsonNode schema) {
        /** {@code owner.id}, {@code assetIds[0]}, {@code Operations[0].op}. */
        String dotted() {
            StringBuilder s = new StringBuilder();
            for (Object segment : path) {
                if (segment instanceof Integer i) {
                    s.append('[').append(i).append(']');
                } else {
                    if (!s.isEmpty()) {
                        s.append('.');
                    }
                    s.append(segment);
                }
            }
            return s.toString();
        }

        /**
         * The spellings a SCIM error may use too: attribute notation, without array indexes ({@code
         * emails.value}), without the extension's URN ({@code manager.value}), and an operation's
         * member on its own ({@code op} of {@code Operations[0].op}).
         */
        List<String> scimSpellings() {
            List<String> spellings = new ArrayList<>(spellings());
            List<String> names = new ArrayList<>();
            int lastIndex = -1;
            for (int i = 0; i < path.size(); i++) {
                if (path.get(i) instanceof Integer) {
                    lastIndex = i;
                } else if (!((String) path.get(i)).contains(":")) {
                    names.add((String) path.get(i));
                }
            }
            spellings.add(String.join(".", names));
            List<String> all = new ArrayList<>();
            path.forEach(
                    segment -> {
                        if (!(segment instanceof Integer)) {
                            all.add((String) segment);
                        }
                    });
            spellings.add(String.join(".", all));
            if (lastIndex >= 0 && lastIndex < path.size() - 1) {
                List<String> member = new ArrayList<>();
                path.subList(lastIndex + 1, path.size())
                        .forEach(segment -> member.add(String.valueOf(segment)));
                spellings.add(String.join(".", member));
            }
            spellings.removeIf(String::isEmpty);
            return spellings;
        }

        /** The spellings a problem may use to name this field. */
        List<String> spellings() {
            StringBuilder dots = new StringBuilder();
            StringBuilder pointer = new StringBuilder();
            for (Object segment : path) {
                if (!dots.isEmpty()) {
                    dots.append('.');
                }
                dots.append(segment);
                pointer.append('/')
                        .append(String.valueOf(segment).replace("~", "~0").replace("/", "~1"));
            }
            return List.of(dotted(), dots.toString(), pointer.toString());
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = doc.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode item = resolve(path.getValue());
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                operations.add(operation(method, path.getKey(), item, op));
            }
        }
        return operations;
    }

    /** The methods the contract declares on a path. */
    Set<String> methods(String path) {
        JsonNode item = resolve(doc.path("paths").path(path));
        Set<String> declared = new java.util.LinkedHashSet<>();
        for (String method : METHODS) {
            if (item.has(method)) {
                declared.add(method);
            }
        }
        return declared;
    }

    private Operation operation(String method, String path, JsonNode item, JsonNode op) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (JsonNode level : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : level) {
                JsonNode param = resolve(p);
                String name = param.path("name").asText();
                String in = param.path("in").asText();
                JsonNode example = param.get("example");
                if (example == null && param.path("examples").isObject()) {
                    Iterator<JsonNode> examples = param.path("examples").elements();
                    if (examples.hasNext()) {
                        example = resolve(examples.next()).get("value");
                    }
                }
                params.put(
                        in + ":" + name,
                        new Param(
                                name,
                                in,
                                param.path("required").asBoolean(false),
                                param.path("schema"),
                                example));
            }
        }
        Body body = null;
        JsonNode requestBody = op.get("requestBody");
        if (requestBody != null) {
            requestBody = resolve(requestBody);
            JsonNode content = requestBody.path("content");
            String chosen = null;
            for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
                String type = types.next();
                if (chosen == null || (isJson(type) && !isJson(chosen))) {
                    chosen = type;
                }
            }
            if (chosen != null) {
                JsonNode media = content.path(chosen);
                body =
                        new Body(
                                requestBody.path("required").asBoolean(false),
                                chosen,
                                media.path("schema"),
                                mediaExamples(media));
            }
        }
        Set<String> successTypes = new java.util.LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getKey().startsWith("2")) {
                resolve(response.getValue())
                        .path("content")
                        .fieldNames()
                        .forEachRemaining(successTypes::add);
            }
        }
        return new Operation(
                method,
                path,
                op.path("operationId").asText(method + " " + path),
                List.copyOf(params.values()),
                body,
                successTypes);
    }

    private List<JsonNode> mediaExamples(JsonNode media) {
        List<JsonNode> examples = new ArrayList<>();
        if (media.has("example")) {
            examples.add(media.get("example"));
        }
        media.path("examples")
                .elements()
                .forEachRemaining(
                        e -> {
                            JsonNode value = resolve(e).get("value");
                            if (value != null) {
                                examples.add(value);
                            }
                        });
        return examples;
    }

    static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    // --- schemas ---------------------------------------------------------------------------

    /**
     * Follows {@code $ref} (its siblings override the target, as 3.1 allows), merges {@code allOf}
     * and takes the first alternative of {@code oneOf}/{@code anyOf}.
     */
    JsonNode resolve(JsonNode node) {
        return resolve(node, 0);
    }

    private JsonNode resolve(JsonNode node, int depth) {
        if (node == null || !node.isObject() || depth > 32) {
            return node == null ? NODES.objectNode() : node;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            String pointer = ref.asText();
            if (!pointer.startsWith("#")) {
                throw new IllegalStateException("external $ref not supported: " + pointer);
            }
            JsonNode target = doc.at(pointer.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + pointer);
            }
            ObjectNode merged = resolve(target, depth + 1).deepCopy();
            node.fields()
                    .forEachRemaining(
                            e -> {
                                if (!e.getKey().equals("$ref")) {
                                    merged.set(e.getKey(), e.getValue());
                                }
                            });
            return resolve(merged, depth + 1);
        }
        if (node.has("allOf")) {
            ObjectNode merged = ((ObjectNode) node).deepCopy();
            merged.remove("allOf");
            for (JsonNode part : node.get("allOf")) {
                mergeInto(merged, resolve(part, depth + 1));
            }
            return resolve(merged, depth + 1);
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            JsonNode choices = node.get(alternatives);
            if (choices != null && choices.isArray() && !choices.isEmpty()) {
                ObjectNode merged = ((ObjectNode) node).deepCopy();
                merged.remove(alternatives);
                // the first alternative that is not just 'null'
                JsonNode first = choices.get(0);
                for (JsonNode choice : choices) {
                    if (!"null".equals(resolve(choice, depth + 1).path("type").asText())) {
                        first = choice;
                        break;
                    }
                }
                mergeInto(merged, resolve(first, depth + 1));
                return resolve(merged, depth + 1);
            }
        }
        return node;
    }

    private static void mergeInto(ObjectNode target, JsonNode part) {
        part.fields()
                .forEachRemaining(
                        e -> {
                            String key = e.getKey();
                            JsonNode value = e.getValue();
                            if (key.equals("properties")
                                    && target.get(key) instanceof ObjectNode p) {
                                value.fields()
                                        .forEachRemaining(f -> p.set(f.getKey(), f.getValue()));
                            } else if (key.equals("required")
                                    && target.get(key) instanceof ArrayNode r) {
                                value.forEach(r::add);
                            } else if (!target.has(key)) {
                                target.set(key, value.deepCopy());
                            }
                        });
    }

    /** The schema's type: the first non-null of a type array, else inferred; null if untyped. */
    String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (s.has("properties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            JsonNode first = s.get("enum").get(0);
            return first.isTextual()
                    ? "string"
                    : first.isBoolean() ? "boolean" : first.isNumber() ? "number" : null;
        }
        if (s.has("const")) {
            return s.get("const").isTextual() ? "string" : null;
        }
        return null;
    }

    String format(JsonNode schema) {
        return resolve(schema).path("format").asText("");
    }

    /** Every field of a body schema, at every depth (array items as index 0), parents first. */
    List<Field> fields(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        collect(schema, new ArrayList<>(), fields, 0);
        return fields;
    }

    private void collect(JsonNode schema, List<Object> path, List<Field> into, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        JsonNode s = resolve(schema);
        if (!path.isEmpty()) {
            into.add(new Field(List.copyOf(path), s));
        }
        String type = type(s);
        if ("object".equals(type)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                path.add(property.getKey());
                collect(property.getValue(), path, into, depth + 1);
                path.remove(path.size() - 1);
            }
        } else if ("array".equals(type) && s.has("items")) {
            path.add(0);
            collect(s.get("items"), path, into, depth + 1);
            path.remove(path.size() - 1);
        }
    }

    /** The schema of the field at {@code path} below {@code root}. */
    JsonNode schemaAt(JsonNode root, List<Object> path) {
        JsonNode s = resolve(root);
        for (Object segment : path) {
            s =
                    segment instanceof Integer
                            ? resolve(s.path("items"))
                            : resolve(s.path("properties").path((String) segment));
        }
        return s;
    }

    // --- values ----------------------------------------------------------------------------

    /**
     * A plausible valid value: the hint (an example from the operation) where it fits the schema,
     * else the schema's example, default or first enum value, else one made from its type and
     * format. Objects get their required properties; e-mail addresses are made unique, since
     * created people and tokens are identified by them.
     */
    JsonNode valid(JsonNode schema, JsonNode hint) {
        return valid(schema, hint, 0);
    }

    private JsonNode valid(JsonNode schema, JsonNode hint, int depth) {
        JsonNode s = resolve(schema);
        String type = type(s);
        if (hint == null || hint.isMissingNode()) {
            hint = schemaExample(s);
        }
        if (hint != null && fits(type, hint)) {
            if (hint.isObject() && "object".equals(type) && depth < MAX_DEPTH) {
                ObjectNode object = NODES.objectNode();
                JsonNode properties = s.path("properties");
                hint.fields()
                        .forEachRemaining(
                                e -> {
                                    JsonNode property = properties.get(e.getKey());
                                    object.set(
                                            e.getKey(),
                                            property == null
                                                    ? e.getValue().deepCopy()
                                                    : valid(property, e.getValue(), depth + 1));
                                });
                for (JsonNode required : s.path("required")) {
                    if (!object.has(required.asText()) && properties.has(required.asText())) {
                        object.set(
                                required.asText(),
                                valid(properties.get(required.asText()), null, depth + 1));
                    }
                }
                return object;
            }
            if (hint.isArray() && "array".equals(type) && depth < MAX_DEPTH) {
                ArrayNode array = NODES.arrayNode();
                hint.forEach(item -> array.add(valid(s.path("items"), item, depth + 1)));
                return array;
            }
            if (hint.isTextual() && "email".equals(format(s))) {
                return NODES.textNode(uniqueEmail());
            }
            return hint.deepCopy();
        }
        if (s.has("default") && fits(type, s.get("default"))) {
            return s.get("default").deepCopy();
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(0).deepCopy();
        }
        if (type == null) {
            return NODES.textNode("x");
        }
        return switch (type) {
            case "string" -> NODES.textNode(validString(s));
            case "integer" -> NODES.numberNode(s.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(s.path("minimum").asDouble(1));
            case "boolean" -> NODES.booleanNode(true);
            case "null" -> NODES.nullNode();
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (s.path("minItems").asInt(0) > 0 && depth < MAX_DEPTH) {
                    array.add(valid(s.path("items"), null, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    for (JsonNode required : s.path("required")) {
                        JsonNode property = s.path("properties").get(required.asText());
                        if (property != null) {
                            object.set(required.asText(), valid(property, null, depth + 1));
                        }
                    }
                }
                yield object;
            }
        };
    }

    /** A plausible valid value of a parameter, as text. */
    String validParam(Param param) {
        JsonNode s = resolve(param.schema());
        if ("array".equals(type(s))) {
            JsonNode example = param.example() != null ? param.example() : schemaExample(s);
            if (example != null && example.isArray() && !example.isEmpty()) {
                return example.get(0).asText();
            }
            return valid(s.path("items"), null).asText();
        }
        JsonNode example = param.example();
        if (example != null && !example.isContainerNode()) {
            return example.asText();
        }
        return valid(s, null).asText();
    }

    private JsonNode schemaExample(JsonNode s) {
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.path("examples").isArray() && !s.get("examples").isEmpty()) {
            return s.get("examples").get(0);
        }
        return null;
    }

    private boolean fits(String type, JsonNode value) {
        if (type == null) {
            return true;
        }
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private String validString(JsonNode s) {
        String value =
                switch (format(s)) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" ->
                            TestClock.today().plusDays(7).toString(); // "after today" is common
                    case "date-time" -> TestClock.now().truncatedTo(ChronoUnit.SECONDS).toString();
                    case "email" -> uniqueEmail();
                    case "uri", "uri-reference", "url" -> "https://example.com/negative";
                    default -> s.has("pattern") ? "A1" : "Negative test";
                };
        int min = s.path("minLength").asInt(0);
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        return padded.toString();
    }

    /**
     * A copy of a valid value whose constrained free-text strings (identifiers such as tags,
     * employee ids, names, references: a length or pattern, no format, no enum) end in a random
     * suffix, so it can be created again without a conflict.
     */
    JsonNode unique(JsonNode value, JsonNode schema) {
        JsonNode s = resolve(schema);
        if (value.isObject()) {
            ObjectNode copy = NODES.objectNode();
            value.fields()
                    .forEachRemaining(
                            e -> {
                                JsonNode property = s.path("properties").get(e.getKey());
                                copy.set(
                                        e.getKey(),
                                        property == null
                                                ? e.getValue().deepCopy()
                                                : unique(e.getValue(), property));
                            });
            return copy;
        }
        if (value.isTextual()
                && "string".equals(type(s))
                && format(s).isEmpty()
                && !s.has("enum")
                && (s.has("minLength") || s.has("maxLength") || s.has("pattern"))) {
            String suffixed = value.asText() + "-" + UUID.randomUUID().toString().substring(0, 6);
            if (!s.has("maxLength") || suffixed.length() <= s.get("maxLength").asInt()) {
                return NODES.textNode(suffixed);
            }
        }
        return value.deepCopy();
    }

    static String uniqueEmail() {
        return "neg-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /**
     * A copy of {@code base} with the field at {@code path} set to {@code value}; missing parents
     * are created as valid values of their schema (required properties; one array item).
     */
    JsonNode with(JsonNode base, JsonNode rootSchema, List<Object> path, JsonNode value) {
        JsonNode root = base != null && base.isObject() ? base.deepCopy() : valid(rootSchema, null);
        set(root, resolve(rootSchema), path, 0, value);
        return root;
    }

    private void set(JsonNode node, JsonNode schema, List<Object> path, int i, JsonNode value) {
        Object segment = path.get(i);
        JsonNode childSchema =
                segment instanceof Integer
                        ? resolve(schema.path("items"))
                        : resolve(schema.path("properties").path((String) segment));
        if (node instanceof ArrayNode array && array.isEmpty()) {
            array.add(valid(childSchema, null));
        }
        if (i == path.size() - 1) {
            if (node instanceof ObjectNode object) {
                object.set((String) segment, value);
            } else {
                ((ArrayNode) node).set((Integer) segment, value);
            }
            return;
        }
        boolean wantsArray = path.get(i + 1) instanceof Integer;
        JsonNode child =
                node instanceof ObjectNode object ? object.get((String) segment) : node.get(0);
        if (child == null || (wantsArray ? !child.isArray() : !child.isObject())) {
            child = wantsArray ? NODES.arrayNode() : valid(childSchema, null);
            if (!child.isObject() && !wantsArray) {
                child = NODES.objectNode();
            }
            if (node instanceof ObjectNode object) {
                object.set((String) segment, child);
            } else {
                ((ArrayNode) node).set(0, child);
            }
        }
        set(child, childSchema, path, i + 1, value);
    }
}
