package io.custodian.notification.events;

import io.custodian.notification.Blocking;
import io.custodian.notification.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The scheduled job that retries parked events: every {@code
 * custodian.delivery.parking.poll-interval} it claims the heads of their keys whose next attempt is
 * due (across workers: a claimed event is skipped by the others until its round is over) and runs a
 * round for each, in parallel, without waiting for them. When a round ends an event (delivered or
 * dead-lettered), the next parked event of its key is due at once and the job looks again right
 * away, so the events of one key follow each other without waiting for the next tick.
 */
@ApplicationScoped
class ParkedRetries {

    private static final Logger LOG = Logger.getLogger(ParkedRetries.class);

    private final Vertx vertx;
    private final Parking parking;
    private final EventRounds rounds;
    private final Duration interval;
    private final int batchSize;
    private final Duration lease;
    private final AtomicBoolean looking = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long timer = -1;

    ParkedRetries(Vertx vertx, Parking parking, EventRounds rounds, NotificationConfig config) {
        this.vertx = vertx;
        this.parking = parking;
        this.rounds = rounds;
        this.interval = config.delivery().parking().pollInterval();
        this.batchSize = config.delivery().parking().batchSize();
        // one round is one attempt per failing target, each bounded by the attempt timeout
        this.lease = config.delivery().retry().attemptTimeout().multipliedBy(2).plusSeconds(30);
    }

    void start(@Observes StartupEvent start) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> look());
    }

    /** A channel's server is back: its parked events are due now, not at their next backoff. */
    void recovered(@ObservesAsync ChannelRecovered recovered) {
        Blocking.run(parking::dueNow)
                .subscribe()
                .with(
                        ignored -> look(),
                        failure ->
                                LOG.errorf(
                                        "Parked events could not be made due: %s",
                                        failure.toString()));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Claims what is due and starts its rounds; one look at a time, another one if asked meanwhile.
     */
    void look() {
        if (!looking.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        Blocking.of(() -> parking.claimDue(batchSize, lease))
                .subscribe()
                .with(
                        this::run,
                        failure -> {
                            LOG.errorf(
                                    "Parked events could not be claimed: %s", failure.toString());
                            done();
                        });
    }

    private void run(List<ParkedEvent> claimed) {
        for (ParkedEvent parked : claimed) {
            rounds.again(parked)
                    .subscribe()
                    .with(
                            finished -> {
                                if (finished) {
                                    look(); // the next of its key is due now
                                }
                            },
                            failure ->
                                    // the claim runs out and the round is tried again
                                    LOG.errorf(
                                            "Parked event %s: round failed: %s",
                                            parked.eventId, failure.toString()));
        }
        done();
        if (claimed.size() == batchSize) {
            look();
        }
    }

    private void done() {
        looking.set(false);
        if (again.getAndSet(false)) {
            look();
        }
    }
}
