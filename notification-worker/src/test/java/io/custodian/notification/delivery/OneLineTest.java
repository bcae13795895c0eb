package io.custodian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void shouldFoldALineBreakAndTheHeaderAfterItIntoOneLine() {
        assertThat(OneLine.of("Laptop\r\nBcc: x@example.com"))
                .isEqualTo("Laptop Bcc: x@example.com");
    }

    @Test
    void shouldFoldEveryRunOfControlCharactersAndLineSeparatorsIntoOneSpace() {
        assertThat(OneLine.of("a\u0000b\tc\u001b[31md\u0085e\u2028f\u2029g\r\n\r\nh"))
                .isEqualTo("a b c [31md e f g h");
    }

    @Test
    void shouldLeaveAOneLineValueAsItIs() {
        String value = "[Custodian] STOLEN: LT-0042 MacBook Pro 14 (Ada) — Zürich";
        assertThat(OneLine.of(value)).isSameAs(value);
        assertThat(OneLine.of(null)).isNull();
        assertThat(OneLine.isFolded(value)).isFalse();
        assertThat(OneLine.isFolded("ceo@example.com\r\nBcc: x@example.com")).isTrue();
    }

    @Test
    void shouldMakeEveryAlertSubjectOneLine() {
        Alert alert = new Alert("[Custodian] STOLEN: LT-1 Laptop\r\nBcc: x@example.com", "t", "h");
        assertThat(alert.subject()).isEqualTo("[Custodian] STOLEN: LT-1 Laptop Bcc: x@example.com");
    }
}
