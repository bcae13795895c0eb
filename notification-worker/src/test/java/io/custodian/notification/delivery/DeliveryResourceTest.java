package io.custodian.notification.delivery;

import static io.custodian.notification.Events.CEO;
import static io.custodian.notification.Events.CTO;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.notification.DeliveryLogApi;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryResourceTest {

    @Inject ObjectMapper mapper;

    private Events events;

    @BeforeEach
    void setUp() {
        events = new Events(mapper);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void shouldListEveryDeliveryOfAnEventToLeadershipAdminsAndAuditors() {
        String eventId = UUID.randomUUID().toString();
        events.sendIncident(eventId, Events.stolenLaptop("LT-5001", "Station"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ChannelsTest.processedAt(eventId) != null);

        for (String role : new String[] {"leadership", "asset-admin", "auditor"}) {
            DeliveryLogApi.as(role, role + "@example.com")
                    .queryParam("eventId", eventId)
                    .get("/api/v1/deliveries")
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("", hasSize(5))
                    .body("eventId", everyItem(equalTo(eventId)))
                    .body("type", everyItem(equalTo("asset.incident.reported")))
                    .body("status", everyItem(equalTo("delivered")))
                    // one attempt each, normally; an SMTP answer slower than the tests' 1 s attempt
                    // timeout on a loaded machine costs a retry, as in ChannelsTest
                    .body("attempts", everyItem(greaterThanOrEqualTo(1)))
                    .body("deliveredAt", everyItem(notNullValue()))
                    .body("error", everyItem(nullValue()))
                    .body(
                            "collect { it.channel + ':' + it.recipient }",
                            containsInAnyOrder(
                                    "email:" + CEO,
                                    "email:" + CTO,
                                    "email:platform@example.com",
                                    "chat:leadership",
                                    "webhook:siem"))
                    .body("find { it.channel == 'webhook' }.messageId", equalTo(eventId))
                    .body("find { it.channel == 'chat' }.messageId", nullValue())
                    .body(
                            "find { it.recipient == '" + CEO + "' }.messageId",
                            org.hamcrest.Matchers.startsWith("<" + eventId + "."));
        }
    }

    @Test
    void shouldAnswerWithTheSecurityHeadersAndNoCorsGrant() {
        DeliveryLogApi.as("auditor", "auditor@example.com")
                .header("Origin", "https://evil.example")
                .queryParam("eventId", UUID.randomUUID().toString())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Content-Security-Policy", equalTo("default-src 'none'"))
                .header("Cache-Control", equalTo("no-store"))
                .header("Access-Control-Allow-Origin", nullValue());
        // refusals carry them too
        io.restassured.RestAssured.given()
                .get("/api/v1/deliveries")
                .then()
                .statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void shouldListNothingForAnEventNotSeen() {
        DeliveryLogApi.as("auditor", "auditor@example.com")
                .queryParam("eventId", UUID.randomUUID().toString())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .body("", empty());
    }

    @Test
    void shouldAskForTheEventId() {
        DeliveryLogApi.as("auditor", "auditor@example.com")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventId"));
    }

    @Test
    void shouldRefuseTheLogWithoutAToken() {
        DeliveryLogApi.anonymous()
                .queryParam("eventId", "any")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void shouldRefuseTheLogToAnEmployee() {
        DeliveryLogApi.as("employee", "ada@example.com")
                .queryParam("eventId", "any")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
