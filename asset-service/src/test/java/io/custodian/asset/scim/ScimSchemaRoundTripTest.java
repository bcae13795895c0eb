package io.custodian.asset.scim;

import static io.custodian.asset.Api.unique;
import static io.custodian.asset.scim.Scim.scim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code /Schemas} declares is what is kept: every writable attribute and sub-attribute it
 * lists, sent in a POST, is stored and comes back in the answer and in a later read; a standard
 * User attribute it does not list is accepted and not returned, an attribute the Group schema does
 * not list is refused, as each schema's description says.
 */
@QuarkusTest
class ScimSchemaRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeepAndReturnEveryWritableAttributeTheSchemasDeclare() throws Exception {
        String manager = Scim.createUser(unique("mgr") + "@example.com", "Mary Manager", Map.of());
        String email = unique("ada") + "@example.com";
        // a value for each writable attribute a schema may declare (schema URN + path)
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put(Scim.CORE + ":userName", email);
        samples.put(Scim.CORE + ":externalId", unique("E"));
        samples.put(Scim.CORE + ":name.givenName", "Ada");
        samples.put(Scim.CORE + ":name.familyName", "Lovelace");
        samples.put(Scim.CORE + ":name.formatted", "Ada Lovelace");
        samples.put(Scim.CORE + ":displayName", "Ada Lovelace");
        samples.put(Scim.CORE + ":active", true);
        samples.put(Scim.CORE + ":emails.value", email);
        samples.put(ENTERPRISE + ":manager.value", manager);
        samples.put(CUSTODIAN + ":subject", "00u" + unique("ada"));

        List<String> declared =
                writable(
                        JSON.readTree(scim().get("/scim/v2/Schemas").asString()),
                        List.of(Scim.CORE, ENTERPRISE, CUSTODIAN));
        assertThat(samples.keySet())
                .as("a sample value for every writable attribute /Schemas declares")
                .containsExactlyInAnyOrderElementsOf(declared);

        Map<String, Object> user = new HashMap<>();
        user.put("schemas", List.of(Scim.CORE, ENTERPRISE, CUSTODIAN));
        user.put("userName", email);
        user.put("externalId", samples.get(Scim.CORE + ":externalId"));
        user.put("displayName", "Ada Lovelace");
        user.put(
                "name",
                Map.of("givenName", "Ada", "familyName", "Lovelace", "formatted", "Ada Lovelace"));
        user.put("active", true);
        user.put("emails", List.of(Map.of("value", email, "type", "work", "primary", true)));
        user.put(ENTERPRISE, Map.of("manager", Map.of("value", manager)));
        user.put(CUSTODIAN, Map.of("subject", samples.get(CUSTODIAN + ":subject")));
        // standard attributes the schemas do not list: accepted, not kept
        user.put("nickName", "Countess");
        user.put("title", "Analyst");
        user.put("addresses", List.of(Map.of("locality", "London")));

        for (JsonNode answer : createdAndRead("/scim/v2/Users", user)) {
            assertKept(samples, answer);
            assertThat(answer.has("nickName") || answer.has("title") || answer.has("addresses"))
                    .as("attributes the schemas do not declare are not kept")
                    .isFalse();
        }
    }

    private static final String ENTERPRISE =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CUSTODIAN =
            "urn:ietf:params:scim:schemas:extension:custodian:2.0:User";

    @Test
    void shouldKeepAndReturnEveryWritableAttributeTheGroupSchemaDeclares() throws Exception {
        String member = Scim.createUser(unique("member") + "@example.com", "Member", Map.of());
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put(Scim.GROUP + ":displayName", unique("Round Trip"));
        samples.put(Scim.GROUP + ":externalId", unique("ext"));
        samples.put(Scim.GROUP + ":members.value", member);

        List<String> declared =
                writable(
                        JSON.readTree(scim().get("/scim/v2/Schemas").asString()),
                        List.of(Scim.GROUP));
        assertThat(samples.keySet())
                .as("a sample value for every writable attribute the Group schema declares")
                .containsExactlyInAnyOrderElementsOf(declared);

        Map<String, Object> group = new HashMap<>();
        group.put("schemas", List.of(Scim.GROUP));
        group.put("displayName", samples.get(Scim.GROUP + ":displayName"));
        group.put("externalId", samples.get(Scim.GROUP + ":externalId"));
        group.put("members", List.of(Map.of("value", member)));
        for (JsonNode answer : createdAndRead("/scim/v2/Groups", group)) {
            assertKept(samples, answer);
        }

        // an attribute the Group schema does not declare is refused, as its description says
        group.put("displayName", unique("Round Trip"));
        group.put("description", "a team");
        scim().body(group)
                .post("/scim/v2/Groups")
                .then()
                .statusCode(400)
                .body("scimType", org.hamcrest.Matchers.equalTo("invalidValue"))
                .body("detail", org.hamcrest.Matchers.containsString("description"));
    }

    /** The resource as the POST answered it, and as a later read returns it. */
    private static List<JsonNode> createdAndRead(String endpoint, Map<String, Object> resource)
            throws Exception {
        JsonNode created = JSON.readTree(scim().body(resource).post(endpoint).asString());
        String id = created.get("id").asText();
        return List.of(created, JSON.readTree(scim().get(endpoint + "/" + id).asString()));
    }

    /** Every sample value is in the answer, at its attribute. */
    private static void assertKept(Map<String, Object> samples, JsonNode answer) {
        samples.forEach(
                (attribute, value) ->
                        assertThat(valueAt(answer, attribute))
                                .as(attribute)
                                .isEqualTo(JSON.valueToTree(value)));
    }

    /**
     * "urn…:User:name.givenName" for every attribute without sub-attributes that a request may set
     * (readWrite, or immutable: set when the value is added, like a group member's value), of the
     * given schemas.
     */
    private static List<String> writable(JsonNode schemas, List<String> of) {
        List<String> paths = new ArrayList<>();
        List<String> writable = List.of("readWrite", "immutable");
        for (JsonNode schema : schemas.get("Resources")) {
            String urn = schema.get("id").asText();
            if (!of.contains(urn)) {
                continue;
            }
            for (JsonNode attribute : schema.get("attributes")) {
                if (!writable.contains(attribute.path("mutability").asText())) {
                    continue;
                }
                String name = attribute.get("name").asText();
                if (attribute.has("subAttributes")) {
                    for (JsonNode sub : attribute.get("subAttributes")) {
                        if (writable.contains(sub.path("mutability").asText())) {
                            paths.add(urn + ":" + name + "." + sub.get("name").asText());
                        }
                    }
                } else {
                    paths.add(urn + ":" + name);
                }
            }
        }
        return paths;
    }

    /** The value at "urn:…:User:a.b" in a user; multi-valued attributes by their first entry. */
    private static JsonNode valueAt(JsonNode user, String path) {
        int colon = path.lastIndexOf(':');
        String urn = path.substring(0, colon);
        JsonNode node = urn.equals(Scim.CORE) || urn.equals(Scim.GROUP) ? user : user.path(urn);
        for (String part : path.substring(colon + 1).split("\\.")) {
            node = node.isArray() ? node.path(0).path(part) : node.path(part);
        }
        return node;
    }
}
