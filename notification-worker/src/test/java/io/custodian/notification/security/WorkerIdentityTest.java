package io.custodian.notification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.OffboardingCompleted;
import io.custodian.api.event.OffboardingStarted;
import io.custodian.api.event.PersonReactivated;
import io.custodian.local.DevTokens;
import io.custodian.notification.DeliveryLogApi;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The worker's delivery log takes a token as asset-service does: for Custodian's audience, dated
 * and aged sanely, for a verified address, and never from a person who has departed.
 */
@QuarkusTest
class WorkerIdentityTest {

    @Inject ObjectMapper mapper;

    private static int status(Map<String, Object> changes) {
        return DeliveryLogApi.statusFor(
                DevTokens.forTests().token(Set.of("auditor"), "auditor@example.com", changes));
    }

    @Test
    void shouldRefuseATokenForAnotherAudienceUnverifiedTooOldOrDatedAhead() {
        long now = Instant.now().getEpochSecond();
        assertThat(status(Map.of())).isEqualTo(200);
        assertThat(status(Map.of("aud", "some-other-app"))).isEqualTo(401);
        assertThat(status(Map.of("aud", DevTokens.ABSENT))).isEqualTo(401);
        assertThat(status(Map.of("email_verified", false, "sub", "attacker-id"))).isEqualTo(401);
        assertThat(status(Map.of("iat", now - 25 * 3600, "exp", now + 3600)))
                .as("older than the maximum age of a day")
                .isEqualTo(401);
        assertThat(status(Map.of("iat", now + 3600, "exp", now + 7200)))
                .as("issued an hour from now")
                .isEqualTo(401);
        assertThat(status(Map.of("iat", now, "exp", now + 50L * 365 * 86400)))
                .as("valid for 50 years")
                .isEqualTo(401);
    }

    @Test
    void shouldRefuseADepartedPersonOnceTheirOffboardingCompleted() throws Exception {
        String email = "leaver-" + UUID.randomUUID() + "@example.com";
        DeliveryLogApi.as("auditor", email)
                .queryParam("eventId", UUID.randomUUID().toString())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200);

        UUID offboarding = UUID.randomUUID();
        var completed =
                new OffboardingCompleted(
                        offboarding,
                        new OffboardingStarted.Person(UUID.randomUUID(), "E-77", "Leaver", email),
                        null,
                        LocalDate.now(),
                        Instant.now(),
                        List.of());
        try (Events events = new Events(mapper)) {
            events.send(
                    UUID.randomUUID().toString(),
                    EventTypes.OFFBOARDING_COMPLETED,
                    offboarding.toString(),
                    mapper.writeValueAsString(completed));
        }
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () ->
                                DeliveryLogApi.as("auditor", email.toUpperCase())
                                        .queryParam("eventId", UUID.randomUUID().toString())
                                        .get("/api/v1/deliveries")
                                        .then()
                                        .statusCode(403)
                                        .contentType("application/problem+json")
                                        .body("status", equalTo(403)));
        DeliveryLogApi.as("auditor", "someone-else@example.com")
                .queryParam("eventId", UUID.randomUUID().toString())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldLetARehiredPersonInAgainWhicheverEventIsHandledFirst() throws Exception {
        String back = "back-" + UUID.randomUUID() + "@example.com";
        String late = "late-" + UUID.randomUUID() + "@example.com";
        Instant departed = Instant.parse("2027-01-10T17:00:00Z");
        Instant rehired = Instant.parse("2027-03-01T08:00:00Z");
        try (Events events = new Events(mapper)) {
            // in order: departed, then re-hired
            completed(events, back, departed);
            awaitStatus(back, 403);
            reactivated(events, back, rehired);
            awaitStatus(back, 200);
            // the re-hire handled before the departure it ends (another key, another partition)
            String rehire = reactivated(events, late, rehired);
            Events.awaitSettled(rehire);
            String departure = completed(events, late, departed);
            Events.awaitSettled(departure);
        }
        assertThat(status(late)).isEqualTo(200);
        assertThat(status(back)).isEqualTo(200);
    }

    private String completed(Events events, String email, Instant at) throws Exception {
        UUID offboarding = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        events.send(
                id,
                EventTypes.OFFBOARDING_COMPLETED,
                offboarding.toString(),
                mapper.writeValueAsString(
                        new OffboardingCompleted(
                                offboarding,
                                person(email),
                                null,
                                LocalDate.parse("2027-01-08"),
                                at,
                                List.of())));
        return id;
    }

    private String reactivated(Events events, String email, Instant at) throws Exception {
        OffboardingStarted.Person person = person(email);
        String id = UUID.randomUUID().toString();
        events.send(
                id,
                EventTypes.PERSON_REACTIVATED,
                person.id().toString(),
                mapper.writeValueAsString(
                        new PersonReactivated(person, null, at, "sync", "hr-system")));
        return id;
    }

    private static OffboardingStarted.Person person(String email) {
        return new OffboardingStarted.Person(
                UUID.nameUUIDFromBytes(email.getBytes()), null, "Someone", email);
    }

    private static int status(String email) {
        return DeliveryLogApi.statusFor(DevTokens.forTests().token("auditor", email));
    }

    private static void awaitStatus(String email, int status) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status(email) == status);
    }
}
