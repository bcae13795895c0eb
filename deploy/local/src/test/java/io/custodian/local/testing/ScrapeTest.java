package io.custodian.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrapeTest {

    @Test
    void shouldReadSamplesWithLabelsTimestampsAndExemplars() {
        Scrape scrape =
                Scrape.parse(
                        "application/openmetrics-text; version=1.0.0",
                        """
                        # TYPE custodian_incidents_reported counter
                        custodian_incidents_reported_total{kind="stolen",late="false"} 2.0 # {span_id="00f067aa0ba902b7",trace_id="4bf92f3577b34da6a3ce929d0e0e4736"} 1.0 1733245200.000
                        custodian_incidents_reported_total{kind="lost",late="false"} 1.0
                        custodian_outbox_backlog 0.0 1733245200000
                        custodian_label{text="a \\"quoted\\" value"} 3
                        # EOF
                        """);
        assertThat(scrape.value("custodian_incidents_reported_total")).isEqualTo(3.0);
        assertThat(scrape.value("custodian_incidents_reported_total", "kind", "stolen"))
                .isEqualTo(2.0);
        assertThat(scrape.has("custodian_outbox_backlog")).isTrue();
        assertThat(scrape.value("custodian_label", "text", "a \\\"quoted\\\" value"))
                .isEqualTo(3.0);
        assertThat(scrape.value("custodian_absent")).isZero();
    }
}
