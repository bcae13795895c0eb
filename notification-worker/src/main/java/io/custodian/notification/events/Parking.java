package io.custodian.notification.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.notification.Backoff;
import io.custodian.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The worker's parked events (table {@code parked_event}), blocking (JDBC). An event is parked when
 * a target still fails, for a reason a retry may fix, after the record was held for {@code
 * custodian.delivery.park-after}; and any later event of the same key is parked behind it (in
 * {@code seq} order) until every event before it is done. Only the first parked event of a key, its
 * head, is retried; it is claimed for the time of one round so that two workers never retry it at
 * once.
 */
@ApplicationScoped
class Parking {

    private static final TypeReference<List<StoredHeader>> HEADERS = new TypeReference<>() {};
    private static final TypeReference<Set<String>> TARGETS = new TypeReference<>() {};

    /** A header as stored: the value base64 (null for a header without value). */
    record StoredHeader(String name, String value) {}

    private final ObjectMapper mapper;
    private final Backoff backoff;
    private final Duration window;

    Parking(ObjectMapper mapper, NotificationConfig config) {
        this.mapper = mapper;
        this.backoff = new Backoff(config.delivery().retry());
        this.window = config.delivery().retry().window();
    }

    /** The lane (and parking) key of an event: its Kafka key, or its own id when it has none. */
    static String laneKey(InboundEvent event) {
        return event.key() == null ? "event:" + event.id() : event.key();
    }

    /**
     * Parks the event behind the events of its key already parked, if there are any; true when the
     * event is parked now (also when it already was: a redelivered record).
     */
    @Transactional
    boolean parkBehind(RecordCopy record, InboundEvent event) {
        if (ParkedEvent.findById(event.id()) != null) {
            return true;
        }
        if (ParkedEvent.count("key", laneKey(event)) == 0) {
            return false;
        }
        ParkedEvent parked = parked(record, event);
        parked.attempts = 0;
        parked.rejected = json(Set.of());
        parked.nextAttemptAt = parked.parkedAt; // due as soon as it is the key's head
        parked.persist();
        return true;
    }

    /** Parks an event whose round ended with targets still failing. */
    @Transactional
    void park(RecordCopy record, InboundEvent event, Handled handled, Instant deadline) {
        ParkedEvent parked = parked(record, event);
        parked.deadline = deadline;
        parked.attempts = Math.max(1, handled.attempts());
        parked.rejected = json(handled.rejected());
        parked.lastError = cut(handled.failures());
        parked.nextAttemptAt = next(parked.attempts, deadline);
        parked.persist();
    }

    /**
     * Claims, for {@code lease}, up to {@code limit} heads of their keys whose next attempt is due
     * and that no worker holds; a head's first turn starts its retry window.
     */
    @Transactional
    List<ParkedEvent> claimDue(int limit, Duration lease) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<ParkedEvent> due =
                ParkedEvent.getEntityManager()
                        .createNativeQuery(
                                "select p.* from parked_event p"
                                        + " where p.next_attempt_at <= :now"
                                        + " and (p.claimed_until is null or p.claimed_until < :now)"
                                        + " and not exists (select 1 from parked_event q"
                                        + "   where q.record_key = p.record_key and q.seq < p.seq)"
                                        + " order by p.next_attempt_at"
                                        + " limit :limit"
                                        + " for update of p skip locked",
                                ParkedEvent.class)
                        .setParameter("now", now)
                        .setParameter("limit", limit)
                        .getResultList();
        for (ParkedEvent parked : due) {
            parked.claimedUntil = now.plus(lease);
            if (parked.deadline == null) {
                parked.deadline = now.plus(window);
            }
        }
        return due;
    }

    /** Every parked event waiting for its next attempt is due now (a channel's server is back). */
    @Transactional
    void dueNow() {
        ParkedEvent.update("nextAttemptAt = ?1 where nextAttemptAt > ?1", Instant.now());
    }

    /**
     * After a round that still failed: the next attempt, on the backoff curve, within the window.
     */
    @Transactional
    void reschedule(String eventId, Handled handled) {
        ParkedEvent parked = ParkedEvent.findById(eventId);
        if (parked == null) {
            return;
        }
        parked.attempts += Math.max(1, handled.attempts());
        parked.rejected = json(handled.rejected());
        parked.lastError = cut(handled.failures());
        parked.nextAttemptAt = next(parked.attempts, parked.deadline);
        parked.claimedUntil = null;
    }

    /** The event is done (delivered or dead-lettered): the next one of its key becomes the head. */
    @Transactional
    void remove(String eventId) {
        ParkedEvent.deleteById(eventId);
    }

    RecordCopy record(ParkedEvent parked) {
        try {
            List<RecordCopy.RecordHeader> headers =
                    mapper.readValue(parked.headers, HEADERS).stream()
                            .map(
                                    h ->
                                            new RecordCopy.RecordHeader(
                                                    h.name(),
                                                    h.value() == null
                                                            ? null
                                                            : Base64.getDecoder()
                                                                    .decode(h.value())))
                            .toList();
            return new RecordCopy(
                    parked.topic,
                    parked.partition,
                    parked.offset,
                    parked.key.equals("event:" + parked.eventId) ? null : parked.key,
                    parked.data,
                    headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked event " + parked.eventId + ": headers", e);
        }
    }

    Set<String> rejected(ParkedEvent parked) {
        try {
            return mapper.readValue(parked.rejected, TARGETS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked event " + parked.eventId + ": rejected", e);
        }
    }

    private ParkedEvent parked(RecordCopy record, InboundEvent event) {
        ParkedEvent parked = new ParkedEvent();
        parked.eventId = event.id();
        parked.key = laneKey(event);
        parked.type = event.type();
        parked.source = event.source();
        parked.subject = event.subject().orElse(null);
        parked.eventTime = event.time().orElse(null);
        parked.data = event.data();
        parked.headers =
                json(
                        record.headers().stream()
                                .map(
                                        h ->
                                                new StoredHeader(
                                                        h.name(),
                                                        h.value() == null
                                                                ? null
                                                                : Base64.getEncoder()
                                                                        .encodeToString(h.value())))
                                .toList());
        parked.topic = record.topic();
        parked.partition = record.partition();
        parked.offset = record.offset();
        parked.receivedAt = event.receivedAt();
        parked.parkedAt = Instant.now();
        return parked;
    }

    private Instant next(int attempts, Instant deadline) {
        Instant next = Instant.now().plus(backoff.delay(attempts - 1));
        return deadline != null && next.isAfter(deadline) ? deadline : next;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(
                    value instanceof Set<?> set ? new LinkedHashSet<>(set) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
