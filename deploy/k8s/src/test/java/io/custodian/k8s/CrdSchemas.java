package io.custodian.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Custom resources checked against their CustomResourceDefinition's OpenAPI schema, as the API
 * server would, but stricter: the API server drops ("prunes") a field its structural schema does
 * not declare, silently; here every object schema without {@code
 * x-kubernetes-preserve-unknown-fields} refuses undeclared fields, so a misspelt field is an error.
 * The CRDs are the operators' own, as released (src/test/resources/crds/SOURCES.md).
 */
final class CrdSchemas {

    private static final List<String> CRDS =
            List.of(
                    "postgresql.cnpg.io_clusters.yaml",
                    "postgresql.cnpg.io_scheduledbackups.yaml",
                    "barmancloud.cnpg.io_objectstores.yaml",
                    "strimzi-040-Crd-kafka.yaml",
                    "strimzi-043-Crd-kafkatopic.yaml",
                    "strimzi-044-Crd-kafkauser.yaml",
                    "strimzi-045-Crd-kafkanodepool.yaml");

    private static final Map<String, JsonSchema> SCHEMAS = load();

    private CrdSchemas() {}

    static boolean knows(String type) {
        return SCHEMAS.containsKey(type);
    }

    static List<String> problems(String type, JsonNode object) {
        Set<ValidationMessage> messages = SCHEMAS.get(type).validate(object);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static Map<String, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (String file : CRDS) {
            JsonNode crd = read(file);
            JsonNode spec = crd.path("spec");
            for (JsonNode version : spec.path("versions")) {
                if (!version.path("served").asBoolean()) {
                    continue;
                }
                String type =
                        spec.path("group").asText()
                                + "/"
                                + version.path("name").asText()
                                + "/"
                                + spec.path("names").path("kind").asText();
                ObjectNode schema =
                        (ObjectNode) strict(version.path("schema").path("openAPIV3Schema"));
                // metadata is an ObjectMeta, which the API server checks itself (here: TypedModels)
                ((ObjectNode) schema.path("properties"))
                        .set(
                                "metadata",
                                JsonNodeFactory.instance.objectNode().put("type", "object"));
                schemas.put(type, factory.getSchema(schema, config));
            }
        }
        return Map.copyOf(schemas);
    }

    /**
     * The schema as JSON Schema (draft 7): undeclared fields refused where Kubernetes would prune
     * them, {@code nullable} as a null type, int-or-string as either, and no formats or
     * descriptions.
     */
    static JsonNode strict(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            schema.forEach(item -> copy.add(strict(item)));
            return copy;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        schema.fields()
                .forEachRemaining(
                        field -> {
                            String key = field.getKey();
                            JsonNode value = field.getValue();
                            switch (key) {
                                case "description", "format", "nullable", "default", "example" -> {}
                                case "properties", "patternProperties" -> {
                                    ObjectNode properties = copy.putObject(key);
                                    value.fields()
                                            .forEachRemaining(
                                                    p ->
                                                            properties.set(
                                                                    p.getKey(),
                                                                    strict(p.getValue())));
                                }
                                default -> {
                                    if (!key.startsWith("x-kubernetes-")) {
                                        copy.set(key, strict(value));
                                    }
                                }
                            }
                        });
        boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean object = "object".equals(schema.path("type").asText()) || schema.has("properties");
        if (object && !preserves && !schema.has("additionalProperties")) {
            copy.put("additionalProperties", false);
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false) && !schema.has("anyOf")) {
            copy.remove("type");
            ArrayNode either = copy.putArray("anyOf");
            either.addObject().put("type", "integer");
            either.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            copy.putArray("type").add(schema.path("type").asText()).add("null");
        }
        return copy;
    }

    private static JsonNode read(String file) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream("/crds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing CRD schema crds/" + file);
            }
            return Kustomize.objects(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
