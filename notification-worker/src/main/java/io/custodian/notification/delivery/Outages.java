package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.ChannelRecovered;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.net.NetClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether each channel's server is reachable, as the deliveries find it. A transient failure starts
 * an outage, logged once; its end is logged once too, and wakes at once whatever waits for a retry
 * (an attempt's backoff, the parked events: {@link ChannelRecovered}) rather than leaving it to
 * wait out its backoff. The SMTP server is probed (a TCP connection to it, every {@code
 * custodian.delivery.probe-interval}, 500 ms) while it is down; any channel's outage also ends with
 * the next delivery that goes through.
 */
@ApplicationScoped
class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    private final Vertx vertx;
    private final Event<ChannelRecovered> recovered;
    private final String smtpHost;
    private final int smtpPort;
    private final Duration probeInterval;
    private final Map<String, Outage> outages = new ConcurrentHashMap<>();
    private NetClient probes;

    private static final class Outage {
        final Instant since = Instant.now();
        final CompletableFuture<Void> over = new CompletableFuture<>();
        volatile long timer = -1;
    }

    Outages(
            Vertx vertx,
            Event<ChannelRecovered> recovered,
            @ConfigProperty(name = "quarkus.mailer.host") String smtpHost,
            @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25") int smtpPort,
            NotificationConfig config) {
        this.vertx = vertx;
        this.recovered = recovered;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
        this.probeInterval = config.delivery().probeInterval();
    }

    /**
     * A transient failure on {@code channel}: true when it starts an outage (the caller logs the
     * failure itself quietly otherwise).
     */
    boolean failed(String channel, Throwable error) {
        boolean[] started = {false};
        Outage outage =
                outages.computeIfAbsent(
                        channel,
                        c -> {
                            started[0] = true;
                            return new Outage();
                        });
        if (started[0]) {
            LOG.warnf(
                    "%s is failing (%s): its alerts are held and retried; logged again when it is"
                            + " back",
                    channel, error.toString());
            if (channel.equals(EmailChannel.NAME)) {
                outage.timer = vertx.setPeriodic(probeInterval.toMillis(), id -> probeSmtp());
            }
        }
        return started[0];
    }

    /** A delivery through {@code channel} went through: its outage, if one was on, is over. */
    void delivered(String channel) {
        if (outages.containsKey(channel)) {
            end(channel, "a delivery went through");
        }
    }

    /**
     * Completes when the outage of {@code channel} on now ends; never when none is on (a retry
     * races it with its backoff).
     */
    Uni<Void> recovery(String channel) {
        Outage outage = outages.get(channel);
        return outage == null
                ? Uni.createFrom().nothing()
                // a copy: the waiting retry cancels its own when its backoff wins, not the outage's
                : Uni.createFrom().completionStage(outage.over.copy());
    }

    private void probeSmtp() {
        if (probes == null) {
            probes =
                    vertx.createNetClient(
                            new NetClientOptions()
                                    .setConnectTimeout((int) probeInterval.toMillis() * 2));
        }
        probes.connect(smtpPort, smtpHost)
                .subscribe()
                .with(
                        socket -> {
                            socket.closeAndForget();
                            end(EmailChannel.NAME, "the SMTP server accepts connections again");
                        },
                        unreachable -> LOG.debugf("SMTP probe: %s", unreachable.toString()));
    }

    private void end(String channel, String how) {
        Outage outage = outages.remove(channel);
        if (outage == null) {
            return;
        }
        if (outage.timer >= 0) {
            vertx.cancelTimer(outage.timer);
        }
        LOG.infof(
                "%s is back after %d ms (%s): retrying what waits for it now",
                channel, Duration.between(outage.since, Instant.now()).toMillis(), how);
        outage.over.complete(null);
        recovered.fireAsync(new ChannelRecovered(channel));
    }
}
