package io.custodian.notification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.OffboardingCompleted;
import io.custodian.api.event.OffboardingStarted;
import io.custodian.local.DevTokens;
import io.custodian.notification.DeliveryLogApi;
import io.custodian.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
 * With {@code custodian.security.identity=subject} the worker matches a departure by the identity
 * provider's subject the off-boarding event carries, not by the token's e-mail claim.
 */
@QuarkusTest
@TestProfile(WorkerSubjectBindingTest.BoundToSubject.class)
class WorkerSubjectBindingTest {

    public static class BoundToSubject implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.security.identity", "subject",
                    "custodian.security.subject-claim", "oid");
        }
    }

    @Inject ObjectMapper mapper;

    @Test
    void shouldRefuseTheDepartedSubjectWhateverTheEmailClaimSays() throws Exception {
        String subject = "00u" + UUID.randomUUID();
        String email = "leaver-" + UUID.randomUUID() + "@example.com";
        assertThat(status(subject, "anyone@example.com")).isEqualTo(200);

        UUID offboarding = UUID.randomUUID();
        OffboardingCompleted completed =
                new OffboardingCompleted(
                        offboarding,
                        new OffboardingStarted.Person(
                                UUID.randomUUID(), "E-78", "Leaver", email, subject),
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
                .until(() -> status(subject, "someone-else@example.com") == 403);
        // the departed address under another subject is someone else
        assertThat(status("00u" + UUID.randomUUID(), email)).isEqualTo(200);
    }

    private static int status(String subject, String email) {
        return DeliveryLogApi.statusFor(
                DevTokens.forTests().token(Set.of("auditor"), email, Map.of("oid", subject)));
    }
}
