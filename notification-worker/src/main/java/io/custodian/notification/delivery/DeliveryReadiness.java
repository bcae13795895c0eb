package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.InboundEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * The worker says it is ready only once it can deliver at its normal speed. Right after the start
 * it does, once, what the first alert would otherwise pay for: every handler renders the contract's
 * examples of its event (JSON readers, Qute templates); the delivery ledger rehearses its
 * statements in a transaction that is rolled back (Hibernate, the connection pool); and, when
 * {@code custodian.readiness.mail-to} is set, one short message goes there the way alerts go (the
 * proof that mail goes out; it loads the dispatcher's retries and the mail client, and leaves an
 * open SMTP connection in the pool). Until then {@code /q/health/ready} says DOWN; a failure
 * (database or SMTP server away) is retried. That the event consumers have their partitions is the
 * Kafka connector's own readiness check ({@code health-topic-verification-enabled}).
 */
@Readiness
@ApplicationScoped
class DeliveryReadiness implements HealthCheck {

    static final String NAME = "delivery warmed up";
    static final String STARTED_TYPE = "custodian.worker.started";
    private static final Logger LOG = Logger.getLogger(DeliveryReadiness.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final List<AlertingHandler<?>> handlers;
    private final DeliveryLedger ledger;
    private final AlertDispatcher dispatcher;
    private final Optional<String> mailTo;
    private final Duration window;
    private volatile HealthCheckResponse state =
            HealthCheckResponse.named(NAME).down().withData("state", "warming up").build();

    DeliveryReadiness(
            Instance<AlertingHandler<?>> handlers,
            DeliveryLedger ledger,
            AlertDispatcher dispatcher,
            NotificationConfig config) {
        this.handlers = handlers.stream().toList();
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.mailTo = config.readiness().mailTo();
        this.window = config.delivery().retry().window();
    }

    void start(@Observes StartupEvent start) {
        Infrastructure.getDefaultWorkerPool().execute(() -> warmUp(FIRST_RETRY));
    }

    @Override
    public HealthCheckResponse call() {
        return state;
    }

    private void warmUp(Duration nextRetry) {
        long started = System.nanoTime();
        try {
            List<String> done = new ArrayList<>();
            int alerts = handlers.stream().mapToInt(AlertingHandler::rehearse).sum();
            done.add(alerts + " example alerts of " + handlers.size() + " event types rendered");
            ledger.rehearse();
            done.add("delivery ledger rehearsed");
            mailTo.ifPresentOrElse(
                    to -> {
                        sendStarted(to);
                        done.add("start-up message sent to " + to);
                    },
                    () -> done.add("no start-up message (custodian.readiness.mail-to unset)"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            state =
                    HealthCheckResponse.named(NAME)
                            .up()
                            .withData("done", String.join("; ", done))
                            .withData("tookMs", millis)
                            .build();
            LOG.infof("Ready to deliver (%d ms): %s", millis, String.join("; ", done));
        } catch (RuntimeException e) {
            state =
                    HealthCheckResponse.named(NAME)
                            .down()
                            .withData("state", "warm-up failed, retrying: " + e)
                            .build();
            LOG.warnf("Warm-up failed, retrying in %s: %s", nextRetry, e.toString());
            Duration after = nextRetry.multipliedBy(2);
            Infrastructure.getDefaultWorkerPool()
                    .schedule(
                            () -> warmUp(after.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : after),
                            nextRetry.toMillis(),
                            TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The start-up message, sent the way every alert is (same dispatcher, retries, e-mail channel,
     * headers, deterministic Message-ID).
     */
    private void sendStarted(String to) {
        InboundEvent started =
                new InboundEvent(
                        UUID.randomUUID().toString(),
                        STARTED_TYPE,
                        "/custodian/notification-worker",
                        Optional.empty(),
                        Optional.of(Instant.now()),
                        null,
                        null,
                        Instant.now(),
                        Optional.empty());
        String text =
                "The Custodian notification-worker has started and can send alerts.\n\n"
                        + "It sends this message each time it starts (custodian.readiness.mail-to)."
                        + " No action is needed.\n";
        Alert alert =
                new Alert(
                        "Custodian notification-worker started",
                        text,
                        "<p>The Custodian notification-worker has started and can send alerts.</p>"
                                + "<p>It sends this message each time it starts"
                                + " (custodian.readiness.mail-to). No action is needed.</p>");
        dispatcher
                .sendUnrouted(
                        started,
                        alert,
                        new Target(EmailChannel.NAME, to),
                        Instant.now().plus(window))
                .await()
                .indefinitely();
    }
}
