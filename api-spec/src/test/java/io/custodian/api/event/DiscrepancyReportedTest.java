package io.custodian.api.event;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DiscrepancyReportedTest {

    @Test
    void shouldMatchItsSchemaBothWays() throws Exception {
        DiscrepancyReported event =
                new DiscrepancyReported(
                        UUID.randomUUID(),
                        "LT-1",
                        "Laptop",
                        "laptop",
                        "internal",
                        "in_use",
                        Instant.parse("2026-11-18T09:00:00Z"),
                        "ada@example.com",
                        null,
                        new IncidentReported.Party("group", UUID.randomUUID(), "Platform", null),
                        null);

        EventSchemas.assertMatchesBothWays(
                EventTypes.DISCREPANCY_REPORTED, event, DiscrepancyReported.class);
    }
}
