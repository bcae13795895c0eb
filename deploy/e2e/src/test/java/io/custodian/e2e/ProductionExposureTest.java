package io.custodian.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged services in their production profile expose to callers only the API and the
 * contract: metrics, detailed health and Swagger UI are not on the API port; health and metrics
 * answer on the management port, for the orchestrator and Prometheus.
 */
class ProductionExposureTest {

    private static Custodian custodian;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM = context -> custodian = Custodian.get(context);

    @Test
    void shouldServeNeitherMetricsNorHealthNorSwaggerUiOnTheApiPorts() {
        for (String api : new String[] {custodian.assetService, custodian.notificationWorker}) {
            for (String path :
                    new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/swagger-ui"}) {
                given().get(api + path)
                        .then()
                        .statusCode(404)
                        .contentType(containsString("application/problem+json"));
            }
        }
        given().get(custodian.assetService + "/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("Custodian"));
    }

    @Test
    void shouldServeHealthAndMetricsOnTheManagementPorts() {
        for (String management :
                new String[] {custodian.assetManagement, custodian.workerManagement}) {
            given().get(management + "/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"));
            given().get(management + "/q/health/live").then().statusCode(200);
            given().get(management + "/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
        }
    }
}
