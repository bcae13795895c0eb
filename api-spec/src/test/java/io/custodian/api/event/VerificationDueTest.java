package io.custodian.api.event;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerificationDueTest {

    @Test
    void shouldMatchItsSchemaBothWays() throws Exception {
        VerificationDue event =
                new VerificationDue(
                        UUID.randomUUID(),
                        "LT-1",
                        "Laptop",
                        "laptop",
                        "internal",
                        null,
                        Instant.parse("2026-11-18T09:00:00Z"),
                        true,
                        new IncidentReported.Party("group", UUID.randomUUID(), "Platform", null),
                        null);

        EventSchemas.assertMatchesBothWays(
                EventTypes.VERIFICATION_DUE, event, VerificationDue.class);
    }
}
