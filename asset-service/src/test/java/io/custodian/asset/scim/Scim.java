package io.custodian.asset.scim;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.unique;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** How the identity provider calls SCIM in these tests: its token, media type and messages. */
final class Scim {

    static final String MEDIA_TYPE = "application/scim+json";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private Scim() {}

    /** A request as the HR system's identity provider sends it. */
    static RequestSpecification scim() {
        return as("hr-system", "hr@example.com").contentType(MEDIA_TYPE).accept(MEDIA_TYPE);
    }

    /** A PatchOp message of these operations. */
    @SafeVarargs
    static Map<String, Object> patchOp(Map<String, Object>... operations) {
        return Map.of("schemas", List.of(PATCH_OP), "Operations", List.of(operations));
    }

    /** One operation with a path. */
    static Map<String, Object> op(String op, String path, Object value) {
        return Map.of("op", op, "path", path, "value", value);
    }

    /** A new user with this e-mail as userName and a display name; returns its id. */
    static String createUser(String email, String displayName, Map<String, Object> more) {
        Map<String, Object> user = new java.util.HashMap<>(more);
        user.putIfAbsent("schemas", List.of(CORE));
        user.put("userName", email);
        user.put("externalId", unique("E"));
        user.put("displayName", displayName);
        return scim().body(user).post("/scim/v2/Users").then().statusCode(201).extract().path("id");
    }

    /** A Group as an identity provider pushes it: a displayName and its members. */
    static Map<String, Object> group(String displayName, List<?> members) {
        return Map.of("schemas", List.of(GROUP), "displayName", displayName, "members", members);
    }

    /** A group pushed with this displayName and these members (user ids); returns its id. */
    static String createGroup(String displayName, String... members) {
        return scim().body(
                        group(
                                displayName,
                                java.util.Arrays.stream(members)
                                        .map(id -> Map.of("value", id))
                                        .toList()))
                .post("/scim/v2/Groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** One of the RFC 7643 JSON Schemas of api-spec ({@code schemas/scim/…}), formats checked. */
    static JsonSchema rfcSchema(String name) {
        try (InputStream in =
                Scim.class
                        .getClassLoader()
                        .getResourceAsStream("custodian/api/schemas/scim/" + name)) {
            SchemaValidatorsConfig config =
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
