package io.custodian.asset.security;

import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.token;
import static io.custodian.asset.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.custodian.local.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * No bearer token reaches a log line: with JWT and Custodian logging at DEBUG (test profile), a
 * valid, a forged and an expired-looking token are sent and every log record of the JVM is read;
 * and a full loss report (the request, its outbox row, its relay to Kafka) logs neither its token
 * nor a secret the service holds.
 */
@QuarkusTest
class SecretsInLogsTest {

    @Test
    void shouldNeverLogABearerToken() {
        String valid = token("asset-admin", "it@example.com");
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
        String garbage = "not.a.jwt";
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(valid).get("/api/v1/assets?limit=1").then().statusCode(200);
            given().auth().oauth2(forged).get("/api/v1/assets?limit=1").then().statusCode(401);
            given().auth().oauth2(garbage).get("/api/v1/assets?limit=1").then().statusCode(401);
            given().auth()
                    .oauth2(valid)
                    .contentType("application/json")
                    .body("{\"bad json")
                    .post("/api/v1/groups")
                    .then()
                    .statusCode(400);
            lines = log.lines();
        }
        // the capture saw the JWT layer at work, the refusals included: the check below has lines
        assertThat(lines)
                .filteredOn(l -> l.startsWith("io.smallrye.jwt.auth SRJWT06000"))
                .as("the JWT layer's record of each request with a token")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(lines)
                .filteredOn(l -> l.contains("Authentication failed"))
                .as("the JWT layer's record of each refused token")
                .hasSizeGreaterThanOrEqualTo(2);
        String signature = valid.substring(valid.lastIndexOf('.') + 1);
        String payload = valid.split("\\.")[1];
        assertThat(lines)
                .noneMatch(l -> l.contains(signature))
                .noneMatch(l -> l.contains(payload))
                .noneMatch(l -> l.contains("Zm9yZ2Vk"))
                .noneMatch(l -> l.contains("Bearer "));
    }

    @Test
    void shouldLogNoTokenOrSecretOfAFullLossReport() {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        String valid = token("asset-admin", "it@example.com");
        String circumstances = "Left on the 08:12 to York, seat 42";
        List<String> lines;
        try (LogCapture log = LogCapture.start();
                EventTap tap = new EventTap()) {
            given().auth()
                    .oauth2(valid)
                    .contentType("application/json")
                    .body(
                            String.format(
                                    "{\"assetTag\": \"%s\", \"kind\": \"lost\","
                                            + " \"occurredAt\": \"%s\", \"circumstances\":"
                                            + " \"%s\"}",
                                    tag, TestClock.now(), circumstances))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);
            tap.only(asset, "asset.incident.reported");
            lines = log.lines();
        }
        assertThat(lines)
                .filteredOn(l -> l.startsWith("io.smallrye.jwt.auth SRJWT06000"))
                .as("the JWT layer's record of the request")
                .isNotEmpty();
        String signature = valid.substring(valid.lastIndexOf('.') + 1);
        String payload = valid.split("\\.")[1];
        var config = ConfigProvider.getConfig();
        String clientSecret = config.getValue("quarkus.oidc.credentials.secret", String.class);
        assertThat(lines)
                .noneMatch(l -> l.contains(signature))
                .noneMatch(l -> l.contains(payload))
                .noneMatch(l -> l.contains("Bearer "))
                .noneMatch(l -> l.contains(clientSecret));
    }
}
