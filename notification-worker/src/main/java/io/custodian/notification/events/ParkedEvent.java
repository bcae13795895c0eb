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

    @Id
    @Column(name = "event_id", length = 200)
    public String eventId;

    @Column(name = "record_key", nullable = false)
    public String key;

    @Column(nullable = false, length = 200)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(length = 500)
    public String subject;

    @Column(name = "event_time")
    public Instant eventTime;

    public String data;

    /** JSON array of {@code {name, value}}, the value base64. */
    @Column(nullable = false)
    public String headers;

    @Column(nullable = false, length = 250)
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false)
    public long offset;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;

    public Instant deadline;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public int attempts;

    /** JSON array of {@code channel:recipient}. */
    @Column(nullable = false)
    public String rejected;

    @Column(name = "last_error", length = 2000)
    public String lastError;

    @Column(name = "claimed_until")
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
