package io.custodian.notification;

import io.custodian.api.identity.IdentityClaim;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the worker is told from outside, under {@code custodian.*}. Recipients, chat targets
 * and webhook targets are named ({@code custodian.recipients.ceo=...}, {@code
 * custodian.chat.leadership.url=...}, {@code custodian.webhooks.siem.url=...}) and routes refer to
 * them by name per event type and channel ({@code
 * custodian.routing."asset.incident.reported".email=ceo,cto,owner}), so new event types, recipients
 * and targets are configuration, not code.
 */
@ConfigMapping(prefix = "custodian")
public interface NotificationConfig {

    Events events();

    /** Named recipients: name → e-mail address (e.g. {@code ceo → ceo@example.com}). */
    Map<String, @Email @NotBlank String> recipients();

    /** Named chat targets (Slack-compatible incoming webhooks), e.g. {@code leadership}. */
    Map<String, ChatTarget> chat();

    /** Named webhook targets (signed JSON POSTs), e.g. {@code siem}. */
    Map<String, WebhookTarget> webhooks();

    /** Event type → who is alerted through which channel. */
    Map<String, Route> routing();

    Delivery delivery();

    Alerts alerts();

    Readiness readiness();

    /** How a token is bound to a person: as in asset-service (SECURITY.md, "Identity"). */
    Security security();

    interface Security {
        /**
         * {@code email}: the token's e-mail claim names the caller; {@code subject}: the identity
         * provider's subject in {@link #subjectClaim()} does (departures are then matched by it).
         */
        @WithDefault("email")
        IdentityClaim identity();

        /** The claim that carries the identity provider's subject. */
        @WithDefault("sub")
        String subjectClaim();

        /**
         * Which identity-provider groups grant which Custodian role, as {@code group=role} entries
         * separated by commas ({@code "IT Admins=asset-admin, Executives=leadership"}); a group may
         * be listed again for another role. Unset: the groups claim names the roles themselves.
         * Set: only mapped groups grant roles ({@link io.custodian.api.identity.RoleMapping}).
         */
        Optional<String> roleMapping();
    }

    interface Events {
        /** The topic every Custodian event is published to. */
        @WithDefault("custodian.events")
        String topic();

        /**
         * Where records go that no retry can handle (a permanent fault) or that could not be
         * handled within the retry window.
         */
        @WithName("dead-letter-topic")
        @WithDefault("custodian.events.dlq")
        String deadLetterTopic();

        /**
         * A name for this worker instance that survives its restarts (e.g. a StatefulSet pod name).
         * When set, the worker's consumers are static members of the consumer group (Kafka's {@code
         * group.instance.id}): a worker that crashes and comes back gets its partitions again at
         * once instead of after the session timeout. Two running workers must never share it.
         */
        Optional<String> memberId();

        /**
         * How many records the worker handles at once, over all its partitions. Records of
         * different keys are handled in parallel, those of one key one after the other; when this
         * many are in hand, the worker reads no further until one is done.
         */
        @WithDefault("256")
        @Positive
        int maxInFlight();
    }

    interface Alerts {
        /** Time zone the alerts show times in. */
        @WithDefault("UTC")
        ZoneId timeZone();

        /**
         * The console's public address ({@code https://custodian.example.com}): every alert about
         * an object the console shows links to its page there. Unset: alerts carry no link.
         */
        Optional<URI> consoleUrl();
    }

    interface Readiness {
        /**
         * Who gets the one short message the worker sends each time it starts, before it says it is
         * ready: the proof that mail goes out, and what opens an SMTP connection and loads the mail
         * client, so that the first alert after a start is as fast as the others. Unset: no message
         * is sent, and the first alert does that work itself.
         */
        Optional<@Email String> mailTo();
    }

    interface Route {
        /**
         * Names of entries in {@code custodian.recipients}, or of parties the event names ({@code
         * holder}, {@code owner}, {@code reporter}, {@code requester}, {@code person}, {@code
         * manager}).
         */
        Optional<List<String>> email();

        /** Names of entries in {@code custodian.chat}. */
        Optional<List<String>> chat();

        /** Names of entries in {@code custodian.webhooks}. */
        Optional<List<String>> webhook();
    }

    interface ChatTarget {
        /**
         * The incoming-webhook URL; while absent (or empty) the target is known but inactive and
         * routes to it are skipped.
         */
        Optional<URI> url();
    }

    interface WebhookTarget {
        /**
         * The receiver's URL (https; plain http only on loopback, see {@link
         * Delivery#allowPrivateTargets()}); while absent (or empty) the target is known but
         * inactive and routes to it are skipped.
         */
        Optional<URI> url();

        /** The shared HMAC-SHA256 secret; required when the URL is set. */
        Optional<String> secret();
    }

    interface Delivery {
        Retry retry();

        /**
         * How often the delivered rows not yet published as {@code notification.delivered} are
         * published (a Quarkus scheduler period, e.g. {@code 1s}).
         */
        @WithName("outcomes-every")
        @WithDefault("1s")
        String outcomesEvery();

        /**
         * How long a record is held while a target of its event fails for a reason a retry may fix
         * (connection refused, timeout, SMTP 4xx, HTTP 5xx). Past it the event is parked: its
         * offset is committed, the worker goes on with the partition, and the parked event is
         * retried in the background, within the same retry window; the events of the same key that
         * follow are parked behind it, in order.
         */
        @WithDefault("5s")
        Duration parkAfter();

        Parking parking();

        /**
         * While the SMTP server fails, how often the worker checks whether it accepts connections
         * again; once it does, every alert waiting for it is retried at once, not at its next
         * backoff.
         */
        @WithDefault("500ms")
        Duration probeInterval();

        /** Right-hand side of the deterministic {@code Message-ID} of every alert. */
        @WithDefault("custodian")
        String messageIdDomain();

        /**
         * Whether chat and webhook targets may be on loopback or private addresses (10/8,
         * 172.16/12, 192.168/16, 100.64/10, fc00::/7): true for local runs and tests, whose
         * receivers run on this machine; false in production, where such a URL stops the worker at
         * start (SSRF). Link-local addresses (the cloud metadata service) are never allowed.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();
    }

    interface Parking {
        /** How often the worker looks for parked events whose next attempt is due. */
        @WithDefault("1s")
        Duration pollInterval();

        /** At most this many parked events are taken per look. */
        @WithDefault("100")
        @Positive
        int batchSize();
    }

    /**
     * Exponential backoff with jitter while a target fails (SMTP server, chat or webhook receiver),
     * each target on its own, for at most {@link #window}.
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
         * One attempt (SMTP connect, greeting, send; or an HTTP POST and its answer) that takes
         * longer counts as failed and is retried.
         */
        @WithDefault("5s")
        Duration attemptTimeout();
    }
}
