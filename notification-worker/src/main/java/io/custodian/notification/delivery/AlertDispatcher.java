package io.custodian.notification.delivery;

import io.custodian.notification.Backoff;
import io.custodian.notification.Blocking;
import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.Handled;
import io.custodian.notification.events.InboundEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Delivers a rendered alert to every target the event's type is routed to (e-mail recipients, chat
 * and webhook targets), once: targets that already have it are skipped, the others are sent to in
 * parallel, each on its own. A transient failure is retried with exponential backoff and jitter
 * until the round's end; a permanent one ({@link Faults}) ends that target's round at once. Each
 * target's outcome is recorded as soon as that target is done (so a crash loses at most the record
 * of a send in flight, never those already made); targets that were reached keep their delivery, so
 * a later round or a replay alerts only the missing ones. The answer says which targets refused the
 * alert for good and which are still failing, for the consumer to dead-letter or park the event.
 */
@Startup // built at start, with its channels, rather than by the first alert
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    private final Routing routing;
    private final DeliveryLedger ledger;
    private final Map<String, Channel> channels;
    private final Duration attemptTimeout;
    private final Backoff backoff;
    private final Outages outages;
    private final DeliveryMetrics metrics;
    private final DeliveryTracing tracing;

    AlertDispatcher(
            Routing routing,
            DeliveryLedger ledger,
            Instance<Channel> channels,
            NotificationConfig config,
            DeliveryMetrics metrics,
            DeliveryTracing tracing,
            Outages outages) {
        this.outages = outages;
        this.metrics = metrics;
        this.tracing = tracing;
        this.routing = routing;
        this.ledger = ledger;
        this.channels =
                channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.attemptTimeout = config.delivery().retry().attemptTimeout();
        this.backoff = new Backoff(config.delivery().retry());
    }

    /**
     * One round: sends to every routed target that does not have the alert yet, except {@code
     * rejected} ({@code channel:recipient}, refused for good earlier in this round of retries),
     * retrying each transient failure while the next attempt would still start before {@code
     * until}.
     */
    public Uni<Handled> dispatch(
            InboundEvent event, Alert alert, Instant until, Set<String> rejected) {
        List<Target> targets = routing.targets(event.type(), alert.parties());
        if (targets.isEmpty()) {
            LOG.warnf("Event %s of type %s: no recipient is routed", event.id(), event.type());
            return Uni.createFrom().item(Handled.DELIVERED);
        }
        return Blocking.of(() -> ledger.begin(event))
                .chain(
                        begun ->
                                deliver(
                                        event,
                                        alert,
                                        targets,
                                        begun.delivered(),
                                        begun.failed(),
                                        until,
                                        rejected));
    }

    private Uni<Handled> deliver(
            InboundEvent event,
            Alert alert,
            List<Target> targets,
            Set<Target> done,
            Set<Target> failedBefore,
            Instant until,
            Set<String> rejected) {
        List<Target> pending =
                targets.stream()
                        .filter(t -> !done.contains(t) && !rejected.contains(t.toString()))
                        .toList();
        done.stream()
                .filter(targets::contains)
                .forEach(
                        t ->
                                tracing.skipped(
                                        event,
                                        t,
                                        channels.get(t.channel()).messageId(event, t.recipient())));
        if (pending.isEmpty()) {
            if (targets.stream().noneMatch(t -> rejected.contains(t.toString()))) {
                try (Scope traced = event.traced()) {
                    LOG.infof(
                            "Event %s already delivered to %s: nothing sent again",
                            event.id(), done);
                }
                return Blocking.run(() -> ledger.complete(event.id()))
                        .replaceWith(Handled.DELIVERED);
            }
            return refusedBefore(event, rejected)
                    .map(errors -> new Handled(rejected, Set.of(), errors, 0));
        }
        if (!done.isEmpty()) {
            try (Scope traced = event.traced()) {
                LOG.infof(
                        "Event %s already delivered to %s, sending only to %s",
                        event.id(), done, pending);
            }
        }
        List<Uni<Outcome>> sends =
                pending.stream()
                        .map(
                                target ->
                                        send(
                                                        event,
                                                        alert,
                                                        target,
                                                        until,
                                                        failedBefore.contains(target))
                                                .call(
                                                        outcome ->
                                                                Blocking.run(
                                                                        () ->
                                                                                ledger.record(
                                                                                        event.id(),
                                                                                        outcome,
                                                                                        targets))))
                        .toList();
        return Uni.join()
                .all(sends)
                .andCollectFailures()
                .invoke(outcomes -> logSent(event, outcomes))
                .chain(
                        outcomes ->
                                refusedBefore(event, rejected)
                                        .map(before -> handled(outcomes, rejected, before)));
    }

    /** Why the targets that refused the event for good in an earlier round did; "" for none. */
    private Uni<String> refusedBefore(InboundEvent event, Set<String> rejected) {
        return rejected.isEmpty()
                ? Uni.createFrom().item("")
                : Blocking.of(() -> ledger.errors(event.id(), rejected));
    }

    /**
     * @param failedBefore the errors of the targets that refused for good in an earlier round
     */
    private static Handled handled(
            List<Outcome> outcomes, Set<String> rejectedBefore, String failedBefore) {
        Set<String> rejected = new HashSet<>(rejectedBefore);
        Set<String> pending = new HashSet<>();
        int attempts = 0;
        for (Outcome o : outcomes) {
            if (o.isDelivered()) {
                continue;
            }
            if (o.permanent()) {
                rejected.add(o.target().toString());
            } else {
                pending.add(o.target().toString());
                attempts = Math.max(attempts, o.attempts());
            }
        }
        String failures =
                Stream.concat(
                                Stream.of(failedBefore).filter(f -> !f.isEmpty()),
                                outcomes.stream()
                                        .filter(o -> !o.isDelivered())
                                        .map(o -> o.target() + " (" + o.error() + ")"))
                        .collect(Collectors.joining(", "));
        return new Handled(rejected, pending, failures, attempts);
    }

    /**
     * Sends one alert to one target outside any route, the way routed alerts go (its channel, the
     * retries and the attempt timeout) but recorded nowhere: the worker's start-up message. Fails
     * when the target was not reached within the retry window.
     */
    Uni<Void> sendUnrouted(InboundEvent event, Alert alert, Target target, Instant until) {
        return send(event, alert, target, until, false)
                .invoke(
                        outcome -> {
                            if (!outcome.isDelivered()) {
                                throw new IllegalStateException(
                                        target + " not reached: " + outcome.error());
                            }
                        })
                .replaceWithVoid();
    }

    /**
     * @param triedBefore the target failed in an earlier round (a parked event's): every attempt of
     *     this round is a retry
     */
    private Uni<Outcome> send(
            InboundEvent event, Alert alert, Target target, Instant until, boolean triedBefore) {
        Channel channel = channels.get(target.channel());
        String messageId = channel.messageId(event, target.recipient());
        Instant firstAttempt = Instant.now();
        AtomicInteger attempts = new AtomicInteger();
        Span span = tracing.start(event, target, messageId);
        Supplier<Uni<Void>> attempt =
                () ->
                        Uni.createFrom()
                                .deferred(
                                        () -> {
                                            if (attempts.incrementAndGet() > 1 || triedBefore) {
                                                metrics.retry(event, target);
                                            }
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
                                .invoke(e -> logFailed(event, target, e));
        return retried(attempt, target.channel(), 0, until)
                .invoke(() -> outages.delivered(target.channel()))
                .map(ignored -> Outcome.delivered(target, messageId, attempts.get(), firstAttempt))
                .onFailure()
                .recoverWithItem(
                        e -> Outcome.failed(target, messageId, attempts.get(), firstAttempt, e))
                .invoke(
                        outcome -> {
                            metrics.outcome(event, outcome);
                            tracing.end(span, outcome);
                        });
    }

    /** The attempt, and again after each transient failure while the retry starts before until. */
    private Uni<Void> retried(
            Supplier<Uni<Void>> attempt, String channel, int retry, Instant until) {
        return attempt.get()
                .onFailure(e -> !Faults.isPermanent(e) && !(e instanceof Error))
                .recoverWithUni(
                        e -> {
                            Duration delay = backoff.delay(retry);
                            if (Instant.now().plus(delay).isAfter(until)) {
                                return Uni.createFrom().failure(e);
                            }
                            // the backoff, or sooner: the channel's server is reachable again
                            Uni<Object> backedOff =
                                    Uni.createFrom().item((Object) "").onItem().delayIt().by(delay);
                            return Uni.combine()
                                    .any()
                                    .of(backedOff, outages.recovery(channel).map(v -> (Object) v))
                                    .chain(() -> retried(attempt, channel, retry + 1, until));
                        });
    }

    private void logFailed(InboundEvent event, Target target, Throwable e) {
        if (Faults.isPermanent(e)) {
            try (Scope traced = event.traced()) {
                LOG.warnf(
                        "Event %s: %s refused it permanently, not retried: %s",
                        event.id(), target, e.toString());
            }
        } else if (outages.failed(target.channel(), e)) {
            try (Scope traced = event.traced()) {
                LOG.warnf(
                        "Event %s: %s failed, will retry within the window: %s",
                        event.id(), target, e.toString());
            }
        } else {
            // the channel's outage is logged once, when it starts and when it ends
            LOG.debugf(
                    "Event %s: %s failed, will retry within the window: %s",
                    event.id(), target, e.toString());
        }
    }

    private static void logSent(InboundEvent event, List<Outcome> outcomes) {
        Instant now = Instant.now();
        long sinceReceived = Duration.between(event.receivedAt(), now).toMillis();
        String sinceEventTime =
                event.time()
                        .map(t -> Duration.between(t, now).toMillis() + " ms after ce_time, ")
                        .orElse("");
        try (Scope traced = event.traced()) {
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
    }
}
