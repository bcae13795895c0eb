package io.custodian.notification.delivery;

import io.custodian.api.event.TraceParent;
import io.custodian.notification.events.InboundEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One span per delivery target, a child of the event's consumer span (so of the request that caused
 * the event): {@code deliver email|chat|webhook}, with the event's id and type, the channel, the
 * {@code Message-ID} (or {@code Idempotency-Key}), the outcome ({@code delivered}, {@code failed},
 * or {@code skipped} when a redelivered event finds the target already has it), the attempts and,
 * on failure, the fault. Never the alert's text, an address or a secret: chat and webhook targets
 * are named by their configured name, e-mail recipients not at all.
 */
@ApplicationScoped
class DeliveryTracing {

    private final Tracer tracer;

    DeliveryTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    Span start(InboundEvent event, Target target, String messageId) {
        var builder =
                tracer.spanBuilder("deliver " + target.channel())
                        .setParent(TraceParent.parentOf(event.traceParent().orElse(null)))
                        .setSpanKind(SpanKind.CLIENT)
                        .setAttribute("custodian.event.id", event.id())
                        .setAttribute("custodian.event.type", event.type())
                        .setAttribute("custodian.delivery.channel", target.channel());
        if (!EmailChannel.NAME.equals(target.channel())) {
            builder.setAttribute("custodian.delivery.target", target.recipient());
        }
        if (messageId != null) {
            builder.setAttribute("custodian.delivery.message_id", messageId);
        }
        return builder.startSpan();
    }

    void end(Span span, Outcome outcome) {
        span.setAttribute("custodian.delivery.attempts", outcome.attempts());
        if (outcome.isDelivered()) {
            span.setAttribute("custodian.delivery.outcome", "delivered");
        } else {
            String fault = outcome.permanent() ? "permanent" : "transient";
            span.setAttribute("custodian.delivery.outcome", "failed");
            span.setAttribute("custodian.delivery.fault", fault);
            span.setStatus(StatusCode.ERROR, fault);
        }
        span.end();
    }

    /** A target a redelivered event already reached: nothing sent, shown in the trace. */
    void skipped(InboundEvent event, Target target, String messageId) {
        Span span = start(event, target, messageId);
        span.setAttribute("custodian.delivery.outcome", "skipped");
        span.end();
    }
}
