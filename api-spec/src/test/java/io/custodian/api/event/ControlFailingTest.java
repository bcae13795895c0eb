package io.custodian.api.event;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ControlFailingTest {

    @Test
    void shouldMatchItsSchemaBothWays() throws Exception {
        ControlFailing event =
                new ControlFailing(
                        "A.5.9",
                        "Inventory of information and other associated assets",
                        "Every asset in scope has an active owner.",
                        java.time.LocalDate.parse("2026-12-04"),
                        Instant.parse("2026-12-04T05:00:00Z"),
                        java.time.LocalDate.parse("2026-12-03"),
                        10,
                        9,
                        1,
                        0,
                        java.util.List.of(
                                new ControlFailing.Item(
                                        UUID.randomUUID().toString(),
                                        "asset",
                                        "LT-1",
                                        java.util.List.of(
                                                "owner group Platform has no active member"))),
                        false);

        EventSchemas.assertMatchesBothWays(EventTypes.CONTROL_FAILING, event, ControlFailing.class);
    }
}
