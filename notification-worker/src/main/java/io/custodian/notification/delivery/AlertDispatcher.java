package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.InboundEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers a rendered alert to every target the event's type is routed to (e-mail recipients, chat
 * and webhook targets), once: targets that already have it are skipped, the others are sent to in
 * parallel, each retried on its own with exponential backoff and jitter for the configured window.
 * Each target's outcome is recorded as soon as that target is done (so a crash loses at most the
 * record of a send in flight, never those already made). Fails when a target is still not reached
 * at the end of the window, which sends the record to the dead-letter topic; targets that were
 * reached keep their delivery, so a replay alerts only the missing ones.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    private static final TypeLiteral<Uni<Void>> UNI_VOID = new TypeLiteral<>() {};

    private final Routing routing;
    private final DeliveryLedger ledger;
    private final Map<String, Channel> channels;
    private final Duration attemptTimeout;
    private final Guard retry;

    AlertDispatcher(
            Routing routing,
            DeliveryLedger ledger,
            Instance<Channel> channels,
            NotificationConfig config) {
        this.routing = routing;
        this.ledger = ledger;
        this.channels =
                channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.attemptTimeout = config.delivery().retry().attemptTimeout();
        this.retry = retryGuard(config.delivery().retry());
    }

    public Uni<Void> dispatch(InboundEvent event, Alert alert) {
        List<Target> targets = routing.targets(event.type(), alert.parties());
        if (targets.isEmpty()) {
            LOG.warnf("Event %s of type %s: no recipient is routed", event.id(), event.type());
            return Uni.createFrom().voidItem();
        }
        return blocking(() -> ledger.begin(event))
                .chain(done -> deliver(event, alert, targets, done));
    }

    private Uni<Void> deliver(
            InboundEvent event, Alert alert, List<Target> targets, Set<Target> done) {
        List<Target> pending = targets.stream().filter(t -> !done.contains(t)).toList();
        if (pending.isEmpty()) {
            LOG.infof("Event %s already delivered to %s: nothing sent again", event.id(), done);
            return blocking(
                    () -> {
                        ledger.complete(event.id());
                        return null;
                    });
        }
        if (!done.isEmpty()) {
            LOG.infof(
                    "Event %s already delivered to %s, sending only to %s",
                    event.id(), done, pending);
        }
        List<Uni<Outcome>> sends =
                pending.stream()
                        .map(
                                target ->
                                        send(event, alert, target)
                                                .call(
                                                        outcome ->
                                                                blocking(
                                                                        () -> {
                                                                            ledger.record(
                                                                                    event.id(),
                                                                                    outcome,
                                                                                    targets);
                                                                            return null;
                                                                        })))
                        .toList();
        return Uni.join()
                .all(sends)
                .andCollectFailures()
                .invoke(outcomes -> logSent(event, outcomes))
                .chain(
                        outcomes -> {
                            List<Outcome> failed =
                                    outcomes.stream().filter(o -> !o.isDelivered()).toList();
                            return failed.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : Uni.createFrom()
                                            .failure(
                                                    new DeliveryFailedException(
                                                            event.id(), failed));
                        });
    }

    private Uni<Outcome> send(InboundEvent event, Alert alert, Target target) {
        Channel channel = channels.get(target.channel());
        String messageId = channel.messageId(event, target.recipient());
        Instant firstAttempt = Instant.now();
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Uni<Void>> attempt =
                () ->
                        Uni.createFrom()
                                .deferred(
                                        () -> {
                                            attempts.incrementAndGet();
                                            return channel.send(
                                                    event, alert, target.recipient(), messageId);
                                        })
                                .ifNoItem()
                                .after(attemptTimeout)
                                .failWith(
                                        () ->
                                                new TimeoutException(
                                                        "no answer from "
                                                                + target
                                                                + " within "
                                                                + attemptTimeout))
                                .onFailure()
                                .invoke(
                                        e ->
                                                LOG.warnf(
                                                        "Event %s: %s failed, will retry within"
                                                                + " the window: %s",
                                                        event.id(), target, e.toString()));
        return retry.get(attempt, UNI_VOID)
                .map(ignored -> Outcome.delivered(target, messageId, attempts.get(), firstAttempt))
                .onFailure()
                .recoverWithItem(
                        e -> Outcome.failed(target, messageId, attempts.get(), firstAttempt, e));
    }

    private static void logSent(InboundEvent event, List<Outcome> outcomes) {
        Instant now = Instant.now();
        long sinceReceived = Duration.between(event.receivedAt(), now).toMillis();
        String sinceEventTime =
                event.time()
                        .map(t -> Duration.between(t, now).toMillis() + " ms after ce_time, ")
                        .orElse("");
        LOG.infof(
                "Event %s (%s): delivered to %s, %s%d ms after it was read from Kafka",
                event.id(),
                event.type(),
                outcomes.stream()
                        .map(o -> o.target() + (o.isDelivered() ? "" : " FAILED"))
                        .toList(),
                sinceEventTime,
                sinceReceived);
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Guard retryGuard(NotificationConfig.Retry config) {
        return Guard.create()
                .withDescription("alert-delivery")
                .withRetry()
                .maxRetries(-1)
                // Vert.x reports SMTP failures as Throwables that are not Exceptions
                .whenException(failure -> !(failure instanceof Error))
                .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(config.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(config.window().toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff()
                .factor(config.factor())
                .maxDelay(config.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .withThreadOffload(false)
                .build();
    }
}
