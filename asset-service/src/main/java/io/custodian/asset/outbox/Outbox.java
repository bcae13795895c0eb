package io.custodian.asset.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.TraceParent;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Where features put their events: in the caller's transaction, so an event exists if and only if
 * the change it announces was committed, with the trace context of the request that made it. {@link
 * OutboxRelay} takes it to Kafka right after commit.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final Event<Appended> appended;

    Outbox(ObjectMapper json, Clock clock, Event<Appended> appended) {
        this.json = json;
        this.clock = clock;
        this.appended = appended;
    }

    /** Fired after an append; observed after commit to wake the relay. */
    record Appended(UUID eventId) {}

    /**
     * Store an event with the current transaction.
     *
     * @param aggregateType e.g. {@code asset}
     * @param aggregateId the Kafka key: one aggregate's events stay in order
     * @param type the CloudEvent type, from {@code EventTypes}
     * @param subject the CloudEvent subject, e.g. {@code assets/<id>}
     * @param data the CloudEvent data, a payload type of api-spec
     * @return the event id (CloudEvent {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(
            String aggregateType, UUID aggregateId, String type, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId.toString();
        event.type = type;
        event.subject = subject;
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data of " + type + " is not serializable", e);
        }
        event.createdAt = Instant.now(clock);
        event.traceParent = TraceParent.of(Span.current()).orElse(null);
        event.persist();
        appended.fire(new Appended(event.id));
        return event.id;
    }
}
