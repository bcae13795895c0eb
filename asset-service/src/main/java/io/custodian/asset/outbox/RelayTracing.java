package io.custodian.asset.outbox;

import io.custodian.api.event.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The relay's span of one event: a child of the request that appended it (the traceparent stored
 * with the row), or the root of a trace of its own when none was stored. Its context is the parent
 * of the Kafka connector's producer span (which writes the record's {@code traceparent} header) and
 * is the event's CloudEvents distributed-tracing extension; it ends with the broker's answer.
 */
@ApplicationScoped
class RelayTracing {

    private final Tracer tracer;

    RelayTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    Span start(String eventId, String type, String storedTraceParent, String topic) {
        return tracer.spanBuilder("outbox relay " + type)
                .setParent(TraceParent.parentOf(storedTraceParent))
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("custodian.event.id", eventId)
                .setAttribute("custodian.event.type", type)
                .setAttribute("messaging.destination.name", topic)
                .startSpan();
    }
}
