package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Who gets which event through which channel, from {@code custodian.routing} with {@code
 * custodian.recipients}, {@code custodian.chat} and {@code custodian.webhooks}. Checked at
 * start-up: a route naming an unknown recipient or target stops the worker rather than silently
 * alerting fewer people. A chat or webhook target without a URL is known but inactive: routes to it
 * are skipped, said once at start.
 */
@Startup
@ApplicationScoped
class Routing {

    private static final Logger LOG = Logger.getLogger(Routing.class);

    /** Recipient names a route may use that stand for a party of the event, not a fixed address. */
    static final Set<String> EVENT_PARTIES =
            Set.of("holder", "owner", "reporter", "requester", "person", "manager");

    private static final String PARTY = "party:";

    /** Per type, in configured order: e-mail as fixed addresses or {@code party:<name>}. */
    private final Map<String, List<Target>> targetsByType;

    @Inject
    Routing(NotificationConfig config) {
        this(config, TargetAddresses.DNS);
    }

    /** With this resolver for the targets' host names (tests). */
    Routing(NotificationConfig config, TargetAddresses.Resolver resolver) {
        List<String> errors = new ArrayList<>();
        UrlCheck check = new UrlCheck(config.delivery().allowPrivateTargets(), resolver, errors);
        Set<String> activeChats = activeChats(config, check);
        Set<String> activeWebhooks = activeWebhooks(config, check);
        Map<String, List<Target>> byType = new LinkedHashMap<>();
        config.routing()
                .forEach(
                        (type, route) -> {
                            List<Target> targets = new ArrayList<>();
                            String key = "custodian.routing.\"" + type + "\".";
                            for (String name : names(route.email())) {
                                String address =
                                        EVENT_PARTIES.contains(name)
                                                ? PARTY + name
                                                : config.recipients().get(name);
                                if (address == null) {
                                    errors.add(
                                            key
                                                    + "email: "
                                                    + name
                                                    + " is neither a custodian.recipients entry"
                                                    + " nor an event party "
                                                    + EVENT_PARTIES);
                                } else {
                                    add(targets, new Target(EmailChannel.NAME, address));
                                }
                            }
                            for (String name : names(route.chat())) {
                                if (!config.chat().containsKey(name)) {
                                    errors.add(key + "chat: no custodian.chat." + name + ".url");
                                } else if (activeChats.contains(name)) {
                                    add(targets, new Target(ChatChannel.NAME, name));
                                } else {
                                    LOG.infof(
                                            "%s is routed to chat target %s, which has no URL"
                                                    + " (custodian.chat.%s.url): skipped",
                                            type, name, name);
                                }
                            }
                            for (String name : names(route.webhook())) {
                                if (!config.webhooks().containsKey(name)) {
                                    errors.add(
                                            key
                                                    + "webhook: no custodian.webhooks."
                                                    + name
                                                    + ".url");
                                } else if (activeWebhooks.contains(name)) {
                                    add(targets, new Target(WebhookChannel.NAME, name));
                                } else {
                                    LOG.infof(
                                            "%s is routed to webhook target %s, which has no URL"
                                                    + " (custodian.webhooks.%s.url): skipped",
                                            type, name, name);
                                }
                            }
                            byType.put(type, List.copyOf(targets));
                        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException(
                    "Invalid routing configuration: " + String.join("; ", errors));
        }
        this.targetsByType = Map.copyOf(byType);
        targetsByType.forEach((type, targets) -> LOG.infof("Route %s -> %s", type, targets));
    }

    /**
     * The targets to alert about an event of this type, the event's parties (holder, owner, …)
     * resolved from the alert; empty when none is routed. A party the event lacks is skipped, and
     * an address reached twice (a party who is also a named recipient) is alerted once.
     */
    List<Target> targets(String type, Map<String, String> parties) {
        List<Target> resolved = new ArrayList<>();
        for (Target target : targetsByType.getOrDefault(type, List.of())) {
            if (target.recipient().startsWith(PARTY)) {
                String address = parties.get(target.recipient().substring(PARTY.length()));
                if (address != null && !address.isBlank()) {
                    add(resolved, new Target(target.channel(), address.trim()));
                }
            } else {
                add(resolved, target);
            }
        }
        return resolved;
    }

    private static void add(List<Target> targets, Target target) {
        boolean present =
                targets.stream()
                        .anyMatch(
                                t ->
                                        t.channel().equals(target.channel())
                                                && t.recipient()
                                                        .equalsIgnoreCase(target.recipient()));
        if (!present) {
            targets.add(target);
        }
    }

    private static List<String> names(Optional<List<String>> names) {
        return names.orElse(List.of()).stream()
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .toList();
    }

    private static Set<String> activeChats(NotificationConfig config, UrlCheck check) {
        return withUrl("custodian.chat.", config.chat(), NotificationConfig.ChatTarget::url, check);
    }

    private static Set<String> activeWebhooks(NotificationConfig config, UrlCheck check) {
        Set<String> active =
                withUrl(
                        "custodian.webhooks.",
                        config.webhooks(),
                        NotificationConfig.WebhookTarget::url,
                        check);
        for (String name : active) {
            secretProblem(config.webhooks().get(name).secret())
                    .ifPresent(
                            problem ->
                                    check.errors()
                                            .add(
                                                    "custodian.webhooks."
                                                            + name
                                                            + ".secret "
                                                            + problem));
        }
        return active;
    }

    /** The names of the targets that have a URL, each URL checked as {@code <prefix><name>.url}. */
    private static <T> Set<String> withUrl(
            String prefix, Map<String, T> targets, Function<T, Optional<URI>> url, UrlCheck check) {
        Set<String> active = new HashSet<>();
        targets.forEach(
                (name, target) ->
                        url.apply(target)
                                .ifPresent(
                                        u -> {
                                            check.url(prefix + name + ".url", u);
                                            active.add(name);
                                        }));
        return active;
    }

    /** The fewest bytes of a webhook's HMAC secret: SHA-256's block of security, 256 bits. */
    static final int MIN_SECRET_BYTES = 32;

    /** What is wrong with a webhook's secret (never the secret itself), or empty. */
    private static Optional<String> secretProblem(Optional<String> secret) {
        if (secret.filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.of("is required with a URL");
        }
        int bytes = secret.get().getBytes(StandardCharsets.UTF_8).length;
        return bytes < MIN_SECRET_BYTES
                ? Optional.of(
                        "is too short: "
                                + bytes
                                + " bytes, at least "
                                + MIN_SECRET_BYTES
                                + " (e.g. openssl rand -hex 32)")
                : Optional.empty();
    }

    /**
     * https; plain http only to this machine (local runs and tests); and the SSRF rule of {@link
     * TargetAddresses} on every address the host resolves to. The URL itself is not repeated: an
     * incoming-webhook URL is a secret.
     */
    private record UrlCheck(
            boolean allowPrivate, TargetAddresses.Resolver resolver, List<String> errors) {

        void url(String key, URI url) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                errors.add(key + ": not an absolute http(s) URL");
            } else if (scheme.equals("http") && !isLoopback(url.getHost())) {
                errors.add(
                        key
                                + ": must be https (plain http only to localhost), not http to "
                                + url.getHost());
            } else {
                TargetAddresses.refusal(url, allowPrivate, resolver)
                        .ifPresent(reason -> errors.add(key + ": " + reason));
            }
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.startsWith("127.")
                || h.equals("[::1]")
                || h.equals("::1");
    }
}
