package io.custodian.notification.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.notification.Events;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IncidentAlertTest {

    @Test
    void shouldDescribeTheReportingDelayInWords() {
        assertThat(IncidentAlert.delay(0)).isEqualTo("0 s");
        assertThat(IncidentAlert.delay(59)).isEqualTo("59 s");
        assertThat(IncidentAlert.delay(2831)).isEqualTo("47 min");
        assertThat(IncidentAlert.delay(3 * 3600 + 5 * 60)).isEqualTo("3 h 5 min");
        assertThat(IncidentAlert.delay(3 * 86400 + 2 * 3600 + 59)).isEqualTo("3 d 2 h");
        assertThat(IncidentAlert.delay(-5)).isEqualTo("0 s");
    }

    @Test
    void shouldNameKindTagAndAssetInTheSubject() {
        var alert =
                IncidentAlert.of(
                        Events.stolenLaptop("LT-0042", "Train"), ZoneId.of("Europe/London"), null);

        assertThat(alert.subject()).isEqualTo("[Custodian] STOLEN: LT-0042 MacBook Pro 14 (Ada)");
        assertThat(alert.what()).isEqualTo("theft");
        assertThat(alert.occurredAt()).matches("\\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} GMT");
    }
}
