package io.custodian.notification.delivery;

import io.custodian.notification.events.EventHandler;
import io.custodian.notification.events.InboundEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The worker's delivery metrics, labelled by event type and channel only (bounded: never a
 * recipient, an id or a tag):
 *
 * <ul>
 *   <li>{@code custodian_notifications_delivery_latency_seconds} — histogram (Prometheus buckets)
 *       of the time from the event's creation (its CloudEvent {@code time}; when absent, when the
 *       worker read it) to the moment the target accepted the alert (the SMTP server's reply to the
 *       end of {@code DATA}, the webhook's 2xx); its {@code _count} counts deliveries;
 *   <li>{@code custodian_notifications_delivery_failed_total{fault}} — a target's round that ended
 *       without acceptance: {@code permanent} (refused for good) or {@code transient} (still
 *       failing when the round ended: the event is parked or, past the window, dead-lettered);
 *   <li>{@code custodian_notifications_delivery_retried_total} — attempts after a failed one: the
 *       backoff's retries within a round, and every attempt of a parked event's later round.
 * </ul>
 *
 * Every series of every handled type and channel is registered at start, so dashboards and alerts
 * see 0 rather than nothing.
 */
@ApplicationScoped
class DeliveryMetrics {

    static final List<String> CHANNELS =
            List.of(EmailChannel.NAME, ChatChannel.NAME, WebhookChannel.NAME);

    private final MeterRegistry metrics;

    DeliveryMetrics(MeterRegistry metrics, Instance<EventHandler> handlers) {
        this.metrics = metrics;
        handlers.forEach(
                handler -> {
                    for (String channel : CHANNELS) {
                        latency(handler.type(), channel);
                        retried(handler.type(), channel);
                        failed(handler.type(), channel, true);
                        failed(handler.type(), channel, false);
                    }
                });
    }

    void outcome(InboundEvent event, Outcome outcome) {
        String channel = outcome.target().channel();
        if (outcome.isDelivered()) {
            Instant created = event.time().orElse(event.receivedAt());
            Duration latency = Duration.between(created, outcome.deliveredAt());
            latency(event.type(), channel).record(latency.isNegative() ? Duration.ZERO : latency);
        } else {
            failed(event.type(), channel, outcome.permanent()).increment();
        }
    }

    void retry(InboundEvent event, Target target) {
        retried(event.type(), target.channel()).increment();
    }

    private Timer latency(String type, String channel) {
        return Timer.builder("custodian.notifications.delivery.latency")
                .description("From the event's creation to the target's acceptance of its alert")
                .tag("type", type)
                .tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(15))
                .serviceLevelObjectives(
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5))
                .register(metrics);
    }

    private Counter failed(String type, String channel, boolean permanent) {
        return Counter.builder("custodian.notifications.delivery.failed")
                .description("Targets whose round ended without accepting the alert")
                .tag("type", type)
                .tag("channel", channel)
                .tag("fault", permanent ? "permanent" : "transient")
                .register(metrics);
    }

    private Counter retried(String type, String channel) {
        return Counter.builder("custodian.notifications.delivery.retried")
                .description("Attempts after a transient failure")
                .tag("type", type)
                .tag("channel", channel)
                .register(metrics);
    }
}
