package io.custodian.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything the worker is told from outside, under {@code custodian.*}. Recipients are named
 * ({@code custodian.recipients.ceo=...}) and routes refer to them by name per event type ({@code
 * custodian.routing."asset.incident.reported".recipients=ceo,cto}), so new event types and
 * recipients are configuration, not code.
 */
@ConfigMapping(prefix = "custodian")
public interface NotificationConfig {

    Events events();

    /** Named recipients: name → e-mail address (e.g. {@code ceo → ceo@example.com}). */
    Map<String, @Email @NotBlank String> recipients();

    /** Event type → who is alerted and through which channels. */
    Map<String, Route> routing();

    Delivery delivery();

    Alerts alerts();

    interface Events {
        /** The topic every Custodian event is published to. */
        @WithDefault("custodian.events")
        String topic();

        /** Where records go that could not be handled within the retry window. */
        @WithName("dead-letter-topic")
        @WithDefault("custodian.events.dlq")
        String deadLetterTopic();
    }

    interface Alerts {
        /** Time zone the alerts show times in. */
        @WithDefault("UTC")
        ZoneId timeZone();
    }

    interface Route {
        /** Names of entries in {@code custodian.recipients}. */
        @NotEmpty
        List<String> recipients();

        /** Channels to alert through; {@code email} is the only one so far. */
        @WithDefault("email")
        List<String> channels();
    }

    interface Delivery {
        Retry retry();

        /** Right-hand side of the deterministic {@code Message-ID} of every alert. */
        @WithDefault("custodian")
        String messageIdDomain();
    }

    /**
     * Exponential backoff with jitter while a channel (SMTP) fails, for at most {@link #window}.
     */
    interface Retry {
        @WithDefault("500ms")
        Duration initialDelay();

        @WithDefault("2")
        int factor();

        @WithDefault("30s")
        Duration maxDelay();

        @WithDefault("200ms")
        Duration jitter();

        /** After this long without success the record goes to the dead-letter topic. */
        @WithDefault("10m")
        Duration window();

        /**
         * One attempt (connect, greeting, send) that takes longer counts as failed and is retried.
         */
        @WithDefault("5s")
        Duration attemptTimeout();
    }
}
