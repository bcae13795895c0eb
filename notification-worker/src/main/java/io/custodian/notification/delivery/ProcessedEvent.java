package io.custodian.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event this worker has taken from Kafka; {@code processedAt} once everyone was alerted. */
@Entity
@Table(name = "processed_event")
class ProcessedEvent extends PanacheEntityBase {

    @Id public String eventId;

    public String type;

    public String subject;

    public Instant receivedAt;

    public Instant processedAt;
}
