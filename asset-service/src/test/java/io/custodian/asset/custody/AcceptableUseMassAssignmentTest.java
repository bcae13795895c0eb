package io.custodian.asset.custody;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.MassAssignment.PROTECTED;
import static io.custodian.asset.MassAssignment.assertUnknownField;
import static io.custodian.asset.MassAssignment.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Publishing rules takes the rules only (the publisher and the time are the server's), and an
 * acknowledgement is always the caller's own, whoever the body names.
 */
@QuarkusTest
class AcceptableUseMassAssignmentTest {

    @Test
    void shouldRefuseProtectedFieldsWhenPublishingAndPublishNothing() {
        Map<String, Object> probes = new LinkedHashMap<>(PROTECTED);
        probes.remove("version"); // here the rules' own version, a field of the request
        probes.put("publishedBy", "ceo@example.com");
        probes.put("publishedAt", "2020-01-01T00:00:00Z");
        probes.put("current", true);
        probes.forEach(
                (field, value) -> {
                    String version = unique("v");
                    Map<String, Object> body =
                            Map.of("version", version, "title", "Rules", "text", "Lock it.");
                    assertUnknownField(
                            asAdmin().body(with(body, field, value)).post("/api/v1/acceptable-use"),
                            field);
                    assertThat(
                                    QuarkusTransaction.requiringNew()
                                            .call(
                                                    () ->
                                                            AcceptableUseVersion.count(
                                                                    "version", version)))
                            .as(field)
                            .isZero();
                });

        String version = unique("v");
        asAdmin()
                .body(Map.of("version", version, "title", "Rules", "text", "Lock it."))
                .post("/api/v1/acceptable-use")
                .then()
                .statusCode(201)
                .body("publishedBy", equalTo("it@example.com"));
    }

    @Test
    void shouldRecordTheAcknowledgementForTheCallerWhateverTheBodyNames() {
        asAdmin()
                .body(Map.of("version", unique("v"), "title", "Rules", "text", "Lock it."))
                .post("/api/v1/acceptable-use")
                .then()
                .statusCode(201);
        String ada = unique("ada") + "@example.com";
        String grace = unique("grace") + "@example.com";
        createPerson(ada);
        String graceId = createPerson(grace);

        as("employee", ada)
                .body(
                        Map.of(
                                "person", grace,
                                "personId", graceId,
                                "email", grace,
                                "acknowledgedAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201)
                .body("person", equalTo(ada));

        as("employee", ada)
                .get("/api/v1/acceptable-use/current")
                .then()
                .statusCode(200)
                .body("acknowledgedAt", notNullValue());
        as("employee", grace)
                .get("/api/v1/acceptable-use/current")
                .then()
                .statusCode(200)
                .body("acknowledgedAt", nullValue());
    }
}
