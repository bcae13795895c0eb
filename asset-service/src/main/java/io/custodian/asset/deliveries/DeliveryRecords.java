package io.custodian.asset.deliveries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.Delivered;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records each {@code notification.delivered} once per (event, channel, recipient): a republished
 * event changes nothing. A record that is not a valid delivery is logged and skipped, never retried
 * for ever: the worker's own delivery log keeps the original.
 */
@ApplicationScoped
class DeliveryRecords {

    private static final Logger LOG = Logger.getLogger(DeliveryRecords.class);

    private final EntityManager entities;
    private final ObjectMapper json;
    private final Clock clock;

    DeliveryRecords(EntityManager entities, ObjectMapper json, Clock clock) {
        this.entities = entities;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("deliveries")
    @Blocking
    @Transactional
    void record(String value) {
        Delivered d;
        try {
            d = json.readValue(value, Delivered.class);
        } catch (JsonProcessingException e) {
            LOG.warnf(
                    "Skipped a delivery record that is not notification.delivered: %s",
                    e.getOriginalMessage());
            return;
        }
        if (d.eventId() == null
                || d.channel() == null
                || d.recipient() == null
                || d.eventType() == null
                || d.deliveredAt() == null) {
            LOG.warnf("Skipped a delivery record without its event, channel, recipient or time");
            return;
        }
        entities.createNativeQuery(
                        "insert into alert_delivery (event_id, channel, recipient, recipient_name,"
                                + " event_type, message_id, attempts, delivered_at, recorded_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict do"
                                + " nothing")
                .setParameter(1, d.eventId())
                .setParameter(2, d.channel())
                .setParameter(3, d.recipient())
                .setParameter(4, d.recipientName())
                .setParameter(5, d.eventType())
                .setParameter(6, d.messageId())
                .setParameter(7, d.attempts())
                .setParameter(8, Timestamp.from(d.deliveredAt()))
                .setParameter(9, Timestamp.from(Instant.now(clock)))
                .executeUpdate();
    }
}
