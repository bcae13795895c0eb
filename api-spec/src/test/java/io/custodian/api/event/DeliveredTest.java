package io.custodian.api.event;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveredTest {

    @Test
    void shouldMatchItsSchemaBothWays() throws Exception {
        Delivered event =
                new Delivered(
                        "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f",
                        EventTypes.INCIDENT_REPORTED,
                        null,
                        "webhook",
                        "siem",
                        null,
                        "9f1c2d3e.siem",
                        2,
                        Instant.parse("2026-12-04T09:00:00.412Z"));

        EventSchemas.assertMatchesBothWays(EventTypes.DELIVERED, event, Delivered.class);
    }
}
