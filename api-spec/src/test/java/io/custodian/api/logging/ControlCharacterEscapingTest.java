package io.custodian.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ControlCharacterEscapingTest {

    @Test
    void shouldEscapeLineBreaksInParametersSoNoLogLineCanBeForged() {
        LogRecord record = new LogRecord(Level.INFO, "asset %s reported by %s: %d items");
        record.setParameters(
                new Object[] {
                    "Laptop\r\n2026-12-03 07:00:00 INFO [security] admin granted",
                    "a@example.com",
                    3
                });

        assertThat(new ControlCharacterEscaping().isLoggable(record)).isTrue();

        assertThat(record.getParameters()[0])
                .isEqualTo("Laptop\\r\\n2026-12-03 07:00:00 INFO [security] admin granted");
        assertThat(record.getParameters()[1]).isEqualTo("a@example.com");
        assertThat(record.getParameters()[2]).isEqualTo(3);
        assertThat(String.format(record.getMessage(), record.getParameters())).doesNotContain("\n");
    }

    @Test
    void shouldEscapeTheMessageAndOtherControlsVisibly() {
        LogRecord record = new LogRecord(Level.WARNING, "one\ntwo\u0000three\u2028four\tfive");
        new ControlCharacterEscaping().isLoggable(record);
        assertThat(record.getMessage()).isEqualTo("one\\ntwo\\u0000three\\u2028four\\tfive");
        assertThat(ControlCharacterEscaping.escape("plain")).isEqualTo("plain");
    }
}
