package io.custodian.notification.events;

import io.custodian.api.event.TraceParent;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.Optional;

/**
 * A CloudEvent as read from Kafka (binary mode): its attributes and its still serialized {@code
 * data}.
 *
 * @param id {@code ce_id}, unique per event; the de-duplication key
 * @param type {@code ce_type}, e.g. {@code asset.incident.reported}
 * @param source {@code ce_source}
 * @param subject {@code ce_subject}, e.g. {@code assets/<uuid>}; may be absent
 * @param time {@code ce_time}; may be absent
 * @param key the Kafka record key (the aggregate id)
 * @param data the record value: the event's JSON data
 * @param receivedAt when this worker took the record from Kafka
 * @param traceParent the W3C traceparent the event's spans continue: the worker's consumer span,
 *     else the record's {@code traceparent} header; empty when the event carries no trace
 */
public record InboundEvent(
        String id,
        String type,
        String source,
        Optional<String> subject,
        Optional<Instant> time,
        String key,
        String data,
        Instant receivedAt,
        Optional<String> traceParent) {

    /**
     * Makes the event's trace current until closed, so that what is logged meanwhile carries its
     * trace and span ids (and no other event's): {@code try (Scope s = event.traced()) { LOG… }}.
     */
    public Scope traced() {
        return TraceParent.parentOf(traceParent.orElse(null)).makeCurrent();
    }
}
