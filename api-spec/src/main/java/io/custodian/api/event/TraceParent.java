package io.custodian.api.event;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C trace context an event carries (W3C Trace Context {@code traceparent}, version 00): as
 * the Kafka record's {@value #HEADER} header, and as the CloudEvents distributed-tracing extension
 * attribute {@value #EXTENSION} (binary mode: the {@code ce_traceparent} header). Stored with the
 * outbox row by asset-service, so the request that caused an event is the parent of its relay, its
 * consumption by the worker and each delivery.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 * @param flags 2 hex digits ({@code 01}: sampled)
 */
public record TraceParent(String traceId, String spanId, String flags) {

    /** The Kafka header (W3C Trace Context over Kafka, as OpenTelemetry's instrumentation). */
    public static final String HEADER = "traceparent";

    /** The CloudEvents distributed-tracing extension attribute. */
    public static final String EXTENSION = "traceparent";

    private static final Pattern FORMAT =
            Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    /** The parsed value, or empty when it is absent or not a valid version-00 traceparent. */
    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(value.trim());
        if (!m.matches() || m.group(1).matches("0+") || m.group(2).matches("0+")) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(1), m.group(2), m.group(3)));
    }

    /** The traceparent of this span, or empty when it is not valid (tracing off, no span). */
    public static Optional<String> of(Span span) {
        SpanContext context = span.getSpanContext();
        return context.isValid()
                ? Optional.of(
                        new TraceParent(
                                        context.getTraceId(),
                                        context.getSpanId(),
                                        context.getTraceFlags().asHex())
                                .toString())
                : Optional.empty();
    }

    /**
     * The context whose span is the one {@code value} names (a remote parent), or the root context
     * when {@code value} is absent or invalid: a span started under it begins a trace of its own.
     */
    public static Context parentOf(String value) {
        return parse(value)
                .map(
                        p ->
                                Context.root()
                                        .with(
                                                Span.wrap(
                                                        SpanContext.createFromRemoteParent(
                                                                p.traceId(),
                                                                p.spanId(),
                                                                TraceFlags.fromHex(p.flags(), 0),
                                                                TraceState.getDefault()))))
                .orElse(Context.root());
    }

    /** {@code 00-<trace id>-<span id>-<flags>}. */
    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }
}
