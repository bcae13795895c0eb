package io.custodian.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mass-assignment probes: fields a write operation must not take from its body, with a plausible
 * value each, and the check that such a request is refused naming the field.
 */
public final class MassAssignment {

    public static final String PROBLEM = "application/problem+json";

    /** What an attacker would like to set: identity, ownership, state, versioning, timestamps. */
    public static final Map<String, Object> PROTECTED = protectedFields();

    private MassAssignment() {}

    private static Map<String, Object> protectedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", UUID.randomUUID().toString());
        fields.put("owner", Map.of("type", "person", "id", UUID.randomUUID().toString()));
        fields.put("status", "disposed");
        fields.put("holder", Map.of("type", "person", "id", UUID.randomUUID().toString()));
        fields.put("roles", List.of("asset-admin"));
        fields.put("groups", List.of("asset-admin", "leadership"));
        fields.put("version", 99);
        fields.put("createdAt", "2020-01-01T00:00:00Z");
        fields.put("updatedAt", "2020-01-01T00:00:00Z");
        fields.put("lastVerifiedAt", "2020-01-01T00:00:00Z");
        fields.put("reportedBy", "ceo@example.com");
        fields.put("reporter", "ceo@example.com");
        fields.put("requester", "ceo@example.com");
        fields.put("requestedBy", "ceo@example.com");
        fields.put("decidedBy", "ceo@example.com");
        fields.put("personStatus", "active");
        return Map.copyOf(fields);
    }

    /** A copy of the body with one more field, last (so every known field is read before it). */
    public static Map<String, Object> with(Map<String, ?> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        copy.put(field, value);
        return copy;
    }

    /** 400 problem+json whose only error is this field, as unknown. */
    public static void assertUnknownField(Response response, String field) {
        response.then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", contains(field))
                .body("errors[0].message", equalTo("unknown field"))
                .body("detail", equalTo(field + ": unknown field"));
    }

    /** The same JSON object before and after a refused write (ETag included where there is one). */
    public static void assertUnchanged(Map<String, Object> before, Map<String, Object> after) {
        assertThat(after).isEqualTo(before);
    }
}
