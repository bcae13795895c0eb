package io.custodian.asset.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The matrix check can fail: with an unprotected endpoint that the contract and the table do not
 * list, the same check the normal run passes ({@link AuthorizationMatrixTest}) refuses the
 * application and names the endpoint.
 */
@QuarkusTest
@TestProfile(WithUnprotectedEndpoint.class)
class UnprotectedEndpointTest {

    private static final String ENDPOINT = "GET /api/v1/test-unprotected";

    @Test
    void shouldFailTheMatrixNamingAnEndpointOutsideTheContract() {
        // really served, and open to any role; only the transport's 401 for a missing token
        // (HttpHardening) stands in front of it
        given().get("/api/v1/test-unprotected").then().statusCode(401);
        given().auth()
                .oauth2(io.custodian.asset.Api.token("employee", "anyone@example.com"))
                .get("/api/v1/test-unprotected")
                .then()
                .statusCode(200)
                .body("secret", equalTo("anyone can read this"));

        Set<String> served = Matrix.servedOperations();
        assertThat(served).contains(ENDPOINT);
        assertThatThrownBy(
                        () ->
                                Matrix.assertEveryServedEndpointIsListed(
                                        served, Matrix.specOperations(), Matrix.rows()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ENDPOINT);
    }
}
