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

    private static final String CHAT = "custodian.chat.";
    private static final String WEBHOOKS = "custodian.webhooks.";

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
        NamedTargets chats = chats(config, check);
        NamedTargets webhooks = webhooks(config, check);
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
                            chats.add(type, key, names(route.chat()), targets, errors);
                            webhooks.add(type, key, names(route.webhook()), targets, errors);
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

    /**
     * The targets of one channel that routes name ({@code chat}, {@code webhook}), configured as
     * {@code <prefix><name>.url}: a name not configured is an error; one configured without a URL
     * is inactive, its routes skipped (and said).
     */
    private record NamedTargets(
            String channel, String route, String prefix, Set<String> known, Set<String> active) {

        void add(
                String type,
                String key,
                List<String> names,
                List<Target> targets,
                List<String> errors) {
            for (String name : names) {
                if (!known.contains(name)) {
                    errors.add(key + route + ": no " + prefix + name + ".url");
                } else if (active.contains(name)) {
                    Routing.add(targets, new Target(channel, name));
                } else {
                    LOG.infof(
                            "%s is routed to %s target %s, which has no URL (%s%s.url): skipped",
                            type, route, name, prefix, name);
                }
            }
        }
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

    private static NamedTargets chats(NotificationConfig config, UrlCheck check) {
        Set<String> active =
                withUrl(CHAT, config.chat(), NotificationConfig.ChatTarget::url, check);
        return new NamedTargets(ChatChannel.NAME, "chat", CHAT, config.chat().keySet(), active);
    }

    /** The webhook targets; one with a URL also needs a long enough secret. */
    private static NamedTargets webhooks(NotificationConfig config, UrlCheck check) {
        Set<String> active =
                withUrl(WEBHOOKS, config.webhooks(), NotificationConfig.WebhookTarget::url, check);
        for (String name : active) {
            secretProblem(config.webhooks().get(name).secret())
                    .ifPresent(
                            problem -> check.errors().add(WEBHOOKS + name + ".secret " + problem));
        }
        return new NamedTargets(
                WebhookChannel.NAME, "webhook", WEBHOOKS, config.webhooks().keySet(), active);
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
