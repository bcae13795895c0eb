package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.InboundEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Delivers a rendered alert to everyone the event's type is routed to, once: recipients that
 * already have it are skipped, the others are sent to (in parallel, each retried with exponential
 * backoff and jitter for the configured window), and the outcomes are recorded with the event in
 * one transaction. Fails when a recipient is still not reached at the end of the window, which
 * sends the record to the dead-letter topic; recipients that were reached keep their delivery, so a
 * replay alerts only the missing ones.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    private static final TypeLiteral<Uni<Void>> UNI_VOID = new TypeLiteral<>() {};

    private final Routing routing;
    private final DeliveryLedger ledger;
    private final EmailChannel email;
    private final String messageIdDomain;
    private final Duration attemptTimeout;
    private final Guard retry;

    AlertDispatcher(
            Routing routing, DeliveryLedger ledger, EmailChannel email, NotificationConfig config) {
        this.routing = routing;
        this.ledger = ledger;
        this.email = email;
        this.messageIdDomain = config.delivery().messageIdDomain();
        this.attemptTimeout = config.delivery().retry().attemptTimeout();
        this.retry = retryGuard(config.delivery().retry());
    }

    public Uni<Void> dispatch(InboundEvent event, Alert alert) {
        List<String> recipients = routing.emailRecipients(event.type(), alert.parties());
        if (recipients.isEmpty()) {
            LOG.warnf("Event %s of type %s: no recipient is routed", event.id(), event.type());
            return Uni.createFrom().voidItem();
        }
        return blocking(() -> ledger.deliveredTo(event.id(), EmailChannel.NAME))
                .chain(done -> deliver(event, alert, recipients, done));
    }

    private Uni<Void> deliver(
            InboundEvent event, Alert alert, List<String> recipients, Set<String> done) {
        List<String> pending = recipients.stream().filter(r -> !done.contains(r)).toList();
        if (pending.isEmpty()) {
            LOG.infof("Event %s already alerted to %s: nothing sent again", event.id(), done);
            return Uni.createFrom().voidItem();
        }
        List<Uni<Outcome>> sends = pending.stream().map(r -> send(event, alert, r)).toList();
        return Uni.join()
                .all(sends)
                .andFailFast()
                .invoke(outcomes -> logSent(event, outcomes))
                .chain(
                        outcomes -> {
                            List<Outcome> failed =
                                    outcomes.stream().filter(o -> !o.isDelivered()).toList();
                            return blocking(
                                            () -> {
                                                ledger.record(
                                                        event,
                                                        EmailChannel.NAME,
                                                        outcomes,
                                                        failed.isEmpty());
                                                return failed;
                                            })
                                    .chain(
                                            f ->
                                                    f.isEmpty()
                                                            ? Uni.createFrom().voidItem()
                                                            : Uni.createFrom()
                                                                    .failure(
                                                                            new DeliveryFailedException(
                                                                                    event.id(),
                                                                                    f)));
                        });
    }

    private Uni<Outcome> send(InboundEvent event, Alert alert, String recipient) {
        String messageId = MessageIds.of(event.id(), recipient, messageIdDomain);
        Instant firstAttempt = Instant.now();
        Supplier<Uni<Void>> attempt =
                () ->
                        email.send(event, alert, recipient, messageId)
                                .ifNoItem()
                                .after(attemptTimeout)
                                .failWith(
                                        () ->
                                                new TimeoutException(
                                                        "no answer from the SMTP server within "
                                                                + attemptTimeout))
                                .onFailure()
                                .invoke(
                                        e ->
                                                LOG.warnf(
                                                        "Event %s: e-mail to %s failed, will retry"
                                                                + " within the window: %s",
                                                        event.id(), recipient, e.toString()));
        return retry.get(attempt, UNI_VOID)
                .map(ignored -> Outcome.delivered(recipient, messageId, firstAttempt))
                .onFailure()
                .recoverWithItem(e -> Outcome.failed(recipient, messageId, firstAttempt, e));
    }

    private static void logSent(InboundEvent event, List<Outcome> outcomes) {
        Instant now = Instant.now();
        long sinceReceived = Duration.between(event.receivedAt(), now).toMillis();
        String sinceEventTime =
                event.time()
                        .map(t -> Duration.between(t, now).toMillis() + " ms after ce_time, ")
                        .orElse("");
        LOG.infof(
                "Event %s (%s): e-mailed %s, %s%d ms after it was read from Kafka",
                event.id(),
                event.type(),
                outcomes.stream()
                        .map(o -> o.recipient() + (o.isDelivered() ? "" : " FAILED"))
                        .toList(),
                sinceEventTime,
                sinceReceived);
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Guard retryGuard(NotificationConfig.Retry config) {
        return Guard.create()
                .withDescription("email-delivery")
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
