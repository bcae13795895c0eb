package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an identity provider reads to learn this service provider (RFC 7644 §4): its configuration,
 * the resource types (User, with the enterprise extension and Custodian's, which carries the
 * identity provider's subject; Group) and the schemas of the attributes Custodian keeps ({@code
 * scim/schemas.json}).
 */
@ApplicationScoped
class ScimDiscovery {

    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:";

    private final ObjectMapper json;
    private final List<JsonNode> schemas;

    ScimDiscovery(ObjectMapper json) {
        this.json = json;
        try (InputStream in =
                ScimDiscovery.class.getClassLoader().getResourceAsStream("scim/schemas.json")) {
            List<JsonNode> loaded = new ArrayList<>();
            json.readTree(in).forEach(loaded::add);
            this.schemas = List.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode serviceProviderConfig(String base, String contractUrl) {
        ObjectNode config = json.createObjectNode();
        config.putArray("schemas").add(CORE + "ServiceProviderConfig");
        config.put("documentationUri", contractUrl);
        config.putObject("patch").put("supported", true);
        config.putObject("bulk")
                .put("supported", false)
                .put("maxOperations", 0)
                .put("maxPayloadSize", 0);
        config.putObject("filter")
                .put("supported", true)
                .put("maxResults", ListResponse.MAX_RESULTS);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes")
                .addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put(
                        "description",
                        "A bearer JWT from Custodian's issuer with the hr-system (or asset-admin)"
                                + " role in its groups claim.")
                .put("specUri", "https://www.rfc-editor.org/rfc/rfc6750")
                .put("primary", true);
        meta(config, "ServiceProviderConfig", base + "/ServiceProviderConfig");
        return config;
    }

    /** The resource types: User and Group. */
    List<JsonNode> resourceTypes(String base) {
        return List.of(userResourceType(base), groupResourceType(base));
    }

    private JsonNode groupResourceType(String base) {
        ObjectNode type =
                resourceType(
                        base,
                        "Group",
                        "A Custodian group: a team that may own assets, with its members",
                        ScimGroup.CORE);
        type.putArray("schemaExtensions");
        return type;
    }

    private JsonNode userResourceType(String base) {
        ObjectNode type =
                resourceType(base, "User", "A person of Custodian's directory", ScimUser.CORE);
        var extensions = type.putArray("schemaExtensions");
        extensions.addObject().put("schema", ScimUser.ENTERPRISE).put("required", false);
        extensions.addObject().put("schema", ScimUser.CUSTODIAN).put("required", false);
        return type;
    }

    private ObjectNode resourceType(String base, String name, String description, String schema) {
        ObjectNode type = json.createObjectNode();
        type.putArray("schemas").add(CORE + "ResourceType");
        type.put("id", name);
        type.put("name", name);
        type.put("endpoint", "/" + name + "s");
        type.put("description", description);
        type.put("schema", schema);
        meta(type, "ResourceType", base + "/ResourceTypes/" + name);
        return type;
    }

    List<JsonNode> schemas(String base) {
        return schemas.stream().map(s -> schema(s, base)).toList();
    }

    JsonNode schema(String id, String base) {
        return schemas.stream()
                .filter(s -> s.get("id").asText().equals(id))
                .findFirst()
                .map(s -> schema(s, base))
                .orElseThrow(() -> new ScimException(404, null, "No schema " + id + "."));
    }

    private static JsonNode schema(JsonNode schema, String base) {
        ObjectNode copy = schema.deepCopy();
        ((ObjectNode) copy.get("meta"))
                .put("location", base + "/Schemas/" + schema.get("id").asText());
        return copy;
    }

    private static void meta(ObjectNode node, String resourceType, String location) {
        node.putObject("meta").put("resourceType", resourceType).put("location", location);
    }
}
