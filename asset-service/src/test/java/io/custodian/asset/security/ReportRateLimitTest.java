package io.custodian.asset.security;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report endpoints allow each client a few reports, then 429 with Retry-After. */
@QuarkusTest
@TestProfile(ReportRateLimitTest.ThreeAMinute.class)
class ReportRateLimitTest {

    public static class ThreeAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.security.report-rate.limit", "3",
                    "custodian.security.report-rate.period", "PT1M");
        }
    }

    @Test
    void shouldRefuseTheFourthReportOfAClientWithin429AndRetryAfter() {
        String flooder = unique("flood") + "@example.com";
        for (int i = 0; i < 2; i++) {
            report(flooder).then().statusCode(201);
        }
        // the limit is shared by the report endpoints, and counts invalid reports too
        as("employee", flooder)
                .body(Map.of("kind", "stolen"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(422);

        Response refused = report(flooder);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("https://custodian.local/problems/rate-limited"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 20);

        // another client is not affected, and reading is not limited
        report(unique("calm") + "@example.com").then().statusCode(201);
        as("employee", flooder).get("/api/v1/violations").then().statusCode(200);
    }

    private static Response report(String email) {
        return as("employee", email)
                .body(Map.of("description", "Laptop left unlocked in the café."))
                .post("/api/v1/violations");
    }
}
