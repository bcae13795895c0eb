package io.custodian.asset.offboarding;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.offboard;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HR re-hires a departed person, by the directory sync or by SCIM: they are active again, and one
 * {@code person.reactivated} event (keyed by the person) tells the worker, which stops refusing
 * them, and IT and their manager. Repeating the record announces nothing more.
 */
@QuarkusTest
class RehireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCIM = "application/scim+json";

    @Test
    void shouldAnnounceARehireBySyncOnceWithTheRecordAsItIsNow() throws Exception {
        String managerId = unique("E");
        String managerEmail = unique("mgr") + "@example.com";
        sync(managerId, managerEmail, "Grace", null);
        String employeeId = unique("E");
        String email = unique("ada") + "@example.com";
        String person = sync(employeeId, email, "Ada", managerId);
        offboard(email); // nothing to return: completed at once
        hr().get("/api/v1/people/" + person).then().body("status", equalTo("departed"));

        try (EventTap tap = new EventTap()) {
            String rehiredAs = unique("ada.k") + "@example.com";
            Map<String, Object> back = body(rehiredAs, "Ada King", managerId);
            back.put("status", "active");
            for (int round = 0; round < 2; round++) {
                hr().body(back)
                        .put("/api/v1/people/by-employee-id/" + employeeId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("active"))
                        .body("email", equalTo(rehiredAs));
            }

            EventTap.Event event = tap.only(person, "person.reactivated");
            assertThat(event.header("ce_subject")).isEqualTo("people/" + person);
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.at("/person/id").asText()).isEqualTo(person);
            assertThat(data.at("/person/email").asText()).isEqualTo(rehiredAs);
            assertThat(data.at("/person/name").asText()).isEqualTo("Ada King");
            assertThat(data.at("/manager/email").asText()).isEqualTo(managerEmail);
            assertThat(data.get("source").asText()).isEqualTo("sync");
            assertThat(data.get("by").asText()).isEqualTo("hr@example.com");
            assertThat(data.get("reactivatedAt").asText()).isNotBlank();
        }
    }

    @Test
    void shouldAnnounceARehireByScimAndNothingForAnActiveUser() throws Exception {
        String employeeId = unique("E");
        String email = unique("alan") + "@example.com";
        String person = sync(employeeId, email, "Alan", null);
        String colleague = sync(unique("E"), unique("joan") + "@example.com", "Joan", null);
        offboard(email);
        Map<String, Object> activate =
                Map.of(
                        "schemas",
                        List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                        "Operations",
                        List.of(Map.of("op", "replace", "value", Map.of("active", true))));

        try (EventTap tap = new EventTap()) {
            for (String user : List.of(person, colleague)) {
                hr().contentType(SCIM)
                        .accept(SCIM)
                        .body(activate)
                        .patch("/scim/v2/Users/" + user)
                        .then()
                        .statusCode(200)
                        .body("active", equalTo(true));
            }

            JsonNode data = JSON.readTree(tap.only(person, "person.reactivated").value());
            assertThat(data.at("/person/email").asText()).isEqualTo(email);
            assertThat(data.has("manager")).isFalse();
            assertThat(data.get("source").asText()).isEqualTo("scim");
            assertThat(tap.settled(colleague)).isEmpty();
        }
        hr().get("/api/v1/people/" + person).then().body("status", equalTo("active"));
    }

    private static RequestSpecification hr() {
        return as("hr-system", "hr@example.com");
    }

    /** Syncs a new person; returns their id. */
    private static String sync(String employeeId, String email, String name, String manager) {
        return hr().body(body(email, name, manager))
                .put("/api/v1/people/by-employee-id/" + employeeId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> body(String email, String name, String manager) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("displayName", name);
        if (manager != null) {
            body.put("managerEmployeeId", manager);
        }
        return body;
    }
}
