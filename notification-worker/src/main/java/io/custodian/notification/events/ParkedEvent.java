package io.custodian.notification.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An event parked because a target kept failing for a reason a retry may fix, or parked behind an
 * earlier event of its key; see {@link Parking}.
 */
@Entity
@Table(name = "parked_event")
class ParkedEvent extends PanacheEntityBase {

    @Id public String eventId;

    @Column(name = "record_key")
    public String key;

    public String type;

    public String source;

    public String subject;

    public Instant eventTime;

    public String data;

    /** JSON array of {@code {name, value}}, the value base64. */
    public String headers;

    public String topic;

    @Column(name = "kafka_partition")
    public int partition;

    @Column(name = "kafka_offset")
    public long offset;

    public Instant receivedAt;

    public Instant parkedAt;

    public Instant deadline;

    public Instant nextAttemptAt;

    public int attempts;

    /** JSON array of {@code channel:recipient}. */
    public String rejected;

    public String lastError;

    public Instant claimedUntil;

    /** The event, continuing the trace of the record it came in ({@code traceparent} header). */
    InboundEvent event(Optional<String> traceParent) {
        return new InboundEvent(
                eventId,
                type,
                source,
                Optional.ofNullable(subject),
                Optional.ofNullable(eventTime),
                key,
                data,
                receivedAt,
                traceParent);
    }
}
