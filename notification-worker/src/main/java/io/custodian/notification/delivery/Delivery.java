package io.custodian.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One alert of one event to one recipient through one channel; unique per that triple. The
 * recipient is an e-mail address (email) or the name of a chat or webhook target.
 */
@Entity
@Table(name = "delivery")
class Delivery extends PanacheEntityBase {

    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    @Id public UUID id;

    public String eventId;

    public String recipient;

    public String channel;

    /** {@value #DELIVERED} or {@value #FAILED}. */
    public String status;

    public String messageId;

    /** Attempts made, over all rounds (redeliveries add theirs). */
    public int attempts;

    public Instant attemptedAt;

    public Instant deliveredAt;

    public String error;

    static List<Delivery> ofEvent(String eventId) {
        return list("eventId = ?1 order by channel, recipient", eventId);
    }

    static List<Delivery> ofEvent(String eventId, String channel) {
        return list("eventId = ?1 and channel = ?2 order by recipient", eventId, channel);
    }

    static Optional<Delivery> of(String eventId, String channel, String recipient) {
        return find("eventId = ?1 and channel = ?2 and recipient = ?3", eventId, channel, recipient)
                .firstResultOptional();
    }
}
