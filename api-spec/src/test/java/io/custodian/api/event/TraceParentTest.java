package io.custodian.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void shouldReadAndWriteAVersion00TraceParent() {
        TraceParent parent = TraceParent.parse(VALID).orElseThrow();
        assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parent.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parent.flags()).isEqualTo("01");
        assertThat(parent).hasToString(VALID);
    }

    @Test
    void shouldRefuseWhatIsNotATraceParent() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse(VALID.toUpperCase())).isEmpty();
        assertThat(TraceParent.parse("01" + VALID.substring(2))).isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isEmpty();
        assertThat(TraceParent.parse(VALID + "\r\nBcc: x")).isEmpty();
    }
}
