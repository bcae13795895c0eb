package io.custodian.notification.events;

import io.custodian.api.event.TraceParent;
import io.custodian.notification.Blocking;
import io.custodian.notification.NotificationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Rounds of handling an event and what follows from each ({@link Verdict}): done; given up on at
 * once (a permanent fault: unreadable data, an alert that cannot be rendered, a target's permanent
 * refusal), or when the retry window is over, into the dead-letter topic; or parked and tried
 * again.
 *
 * <p>The first round runs when the record is read: it retries a failing target for at most {@code
 * custodian.delivery.park-after} (and within the window), then parks the event if a target still
 * fails. A parked event's later rounds make one attempt per failing target each, spaced on the
 * backoff curve, until the window ends.
 */
@ApplicationScoped
class EventRounds {

    private static final Logger LOG = Logger.getLogger(EventRounds.class);

    private final Map<String, EventHandler> handlers;
    private final Parking parking;
    private final DeadLetters deadLetters;
    private final Duration parkAfter;
    private final Duration window;

    EventRounds(
            Instance<EventHandler> handlers,
            Parking parking,
            DeadLetters deadLetters,
            NotificationConfig config) {
        this.handlers =
                handlers.stream()
                        .collect(Collectors.toMap(EventHandler::type, Function.identity()));
        this.parking = parking;
        this.deadLetters = deadLetters;
        this.parkAfter = config.delivery().parkAfter();
        this.window = config.delivery().retry().window();
    }

    Optional<EventHandler> handler(String type) {
        return Optional.ofNullable(handlers.get(type));
    }

    /**
     * The round of a record just read: parked behind its key's parked events if there are any, else
     * handled now and parked if a target still fails after the hold. Completes once the record may
     * be acknowledged.
     */
    Uni<Void> first(RecordCopy record, InboundEvent event, EventHandler handler) {
        return Blocking.of(() -> parking.parkBehind(record, event))
                .chain(parked -> parked ? parkedBehind(event) : now(record, event, handler));
    }

    /**
     * A later round of a parked event (claimed): one attempt per target still failing. Completes
     * with true when the event is done (delivered or dead-lettered) and the next of its key may go.
     */
    Uni<Boolean> again(ParkedEvent parked) {
        RecordCopy record = parking.record(parked);
        InboundEvent event = parked.event(record.header(TraceParent.HEADER));
        Optional<EventHandler> handler = handler(parked.type);
        if (handler.isEmpty()) {
            Verdict verdict =
                    new Verdict(
                            Verdict.Kind.DEAD,
                            Fault.ERROR,
                            "no handler for type " + parked.type + " any more");
            return deadLetter(record, event, verdict).chain(() -> unpark(parked)).replaceWith(true);
        }
        return round(handler.get(), event, Instant.now(), parking.rejected(parked), parked.deadline)
                .chain(result -> afterAgain(parked, record, event, result));
    }

    private static Uni<Void> parkedBehind(InboundEvent event) {
        LOG.infof(
                "Event %s parked behind earlier events of key %s",
                event.id(), Parking.laneKey(event));
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> now(RecordCopy record, InboundEvent event, EventHandler handler) {
        Instant deadline = event.receivedAt().plus(window);
        Instant hold = event.receivedAt().plus(parkAfter);
        Instant until = hold.isBefore(deadline) ? hold : deadline;
        return round(handler, event, until, Set.of(), deadline)
                .chain(
                        result ->
                                switch (result.verdict().kind()) {
                                    case DONE -> Uni.createFrom().voidItem();
                                    case DEAD -> deadLetter(record, event, result.verdict());
                                    case AGAIN -> park(record, event, result, deadline);
                                });
    }

    private Uni<Void> park(RecordCopy record, InboundEvent event, Result result, Instant deadline) {
        return Blocking.run(() -> parking.park(record, event, result.handled(), deadline))
                .invoke(
                        () ->
                                LOG.infof(
                                        "Event %s parked: still failing after %s, retried in the"
                                                + " background until %s: %s",
                                        event.id(),
                                        parkAfter,
                                        deadline,
                                        result.verdict().reason()));
    }

    private Uni<Boolean> afterAgain(
            ParkedEvent parked, RecordCopy record, InboundEvent event, Result result) {
        return switch (result.verdict().kind()) {
            case DONE ->
                    unpark(parked)
                            .invoke(
                                    () ->
                                            LOG.infof(
                                                    "Parked event %s delivered, after %d"
                                                            + " attempts",
                                                    parked.eventId, parked.attempts + 1))
                            .replaceWith(true);
            case DEAD ->
                    deadLetter(record, event, result.verdict())
                            .chain(() -> unpark(parked))
                            .replaceWith(true);
            case AGAIN ->
                    Blocking.run(() -> parking.reschedule(parked.eventId, result.handled()))
                            .replaceWith(false);
        };
    }

    private Uni<Void> unpark(ParkedEvent parked) {
        return Blocking.run(() -> parking.remove(parked.eventId));
    }

    /** Gives up on a record at once, with the fault and the reason. */
    Uni<Void> deadLetter(RecordCopy record, InboundEvent event, Verdict verdict) {
        return deadLetters.send(record, event, verdict);
    }

    private record Result(Handled handled, Verdict verdict) {}

    private Uni<Result> round(
            EventHandler handler,
            InboundEvent event,
            Instant until,
            Set<String> rejected,
            Instant deadline) {
        return Uni.createFrom()
                .deferred(() -> handler.handle(event, until, rejected))
                .onItemOrFailure()
                .transform(
                        (handled, failure) ->
                                new Result(
                                        handled,
                                        Verdict.of(handled, failure, deadline, Instant.now())));
    }
}
