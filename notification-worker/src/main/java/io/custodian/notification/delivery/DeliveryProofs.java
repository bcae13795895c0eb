package io.custodian.notification.delivery;

import io.custodian.api.event.Delivered;
import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.DeliveredOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The delivered rows as the proof that someone was told: each is published once as {@code
 * notification.delivered} ({@code outcome_published_at} marks it), the delivery table being that
 * event's outbox. A batch is claimed with {@code for update skip locked}, so two workers never
 * publish the same rows at once, and marked in the same transaction once the publisher returned
 * (the broker has them); a crash in between publishes them again, which consumers de-duplicate.
 */
@ApplicationScoped
class DeliveryProofs implements DeliveredOutbox {

    private final EntityManager entities;
    private final Map<String, String> names = new HashMap<>();

    DeliveryProofs(EntityManager entities, NotificationConfig config) {
        this.entities = entities;
        config.recipients()
                .forEach((name, address) -> names.put(address.toLowerCase(Locale.ROOT), name));
    }

    @Override
    @Transactional
    public int publishPending(int max, Consumer<List<Pending>> publisher) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                entities.createNativeQuery(
                                "select d.id, d.event_id, p.type, p.subject, d.channel,"
                                        + " d.recipient, d.message_id, d.attempts, d.delivered_at"
                                        + " from delivery d join processed_event p on p.event_id"
                                        + " = d.event_id where d.status = 'delivered' and"
                                        + " d.outcome_published_at is null order by"
                                        + " d.delivered_at limit ?1 for update of d skip locked")
                        .setParameter(1, max)
                        .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Pending> proofs = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String channel = (String) r[4];
            String recipient = (String) r[5];
            proofs.add(
                    new Pending(
                            (UUID) r[0],
                            new Delivered(
                                    (String) r[1],
                                    (String) r[2],
                                    (String) r[3],
                                    channel,
                                    recipient,
                                    EmailChannel.NAME.equals(channel)
                                            ? names.get(recipient.toLowerCase(Locale.ROOT))
                                            : null,
                                    (String) r[6],
                                    ((Number) r[7]).intValue(),
                                    instant(r[8]))));
        }
        publisher.accept(proofs);
        entities.createNativeQuery("update delivery set outcome_published_at = ?1 where id in (?2)")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, proofs.stream().map(Pending::id).toList())
                .executeUpdate();
        return proofs.size();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant at) {
            return at;
        }
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
