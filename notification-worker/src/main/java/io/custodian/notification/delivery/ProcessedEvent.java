package io.custodian.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event this worker has taken from Kafka; {@code processedAt} once everyone was alerted. */
@Entity
@Table(name = "processed_event")
class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id", length = 200)
    public String eventId;

    @Column(nullable = false, length = 200)
    public String type;

    @Column(length = 500)
    public String subject;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "processed_at")
    public Instant processedAt;
}
