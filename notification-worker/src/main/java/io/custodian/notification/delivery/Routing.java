package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who gets which event through which channel, from {@code custodian.routing} and {@code
 * custodian.recipients}. Checked at start-up: a route naming an unknown recipient or channel stops
 * the worker rather than silently alerting fewer people.
 */
@Startup
@ApplicationScoped
class Routing {

    /** Recipient names a route may use that stand for a party of the event, not a fixed address. */
    static final java.util.Set<String> EVENT_PARTIES =
            java.util.Set.of("holder", "owner", "person", "manager");

    /** Per type: fixed addresses, and {@code party:<name>} for the event's parties. */
    private final Map<String, List<String>> emailRecipientsByType;

    Routing(NotificationConfig config) {
        Map<String, String> recipients = config.recipients();
        var byType = new java.util.HashMap<String, List<String>>();
        List<String> errors = new ArrayList<>();
        config.routing()
                .forEach(
                        (type, route) -> {
                            for (String channel : route.channels()) {
                                if (!EmailChannel.NAME.equals(channel)) {
                                    errors.add(
                                            "custodian.routing.\""
                                                    + type
                                                    + "\".channels: unknown channel "
                                                    + channel);
                                }
                            }
                            List<String> addresses = new ArrayList<>();
                            for (String name : route.recipients()) {
                                String address =
                                        EVENT_PARTIES.contains(name)
                                                ? "party:" + name
                                                : recipients.get(name);
                                if (address == null) {
                                    errors.add(
                                            "custodian.routing.\""
                                                    + type
                                                    + "\".recipients: no custodian.recipients."
                                                    + name);
                                } else if (!addresses.contains(address)) {
                                    addresses.add(address);
                                }
                            }
                            if (route.channels().contains(EmailChannel.NAME)) {
                                byType.put(type, List.copyOf(addresses));
                            }
                        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Invalid routing configuration: " + errors);
        }
        this.emailRecipientsByType = Map.copyOf(byType);
    }

    /**
     * The e-mail addresses to alert about an event of this type, with the event's parties (holder,
     * owner) resolved from the alert; empty when none is routed. A party the event lacks is
     * skipped.
     */
    List<String> emailRecipients(String type, Map<String, String> parties) {
        List<String> addresses = new ArrayList<>();
        for (String recipient : emailRecipientsByType.getOrDefault(type, List.of())) {
            String address =
                    recipient.startsWith("party:")
                            ? parties.get(recipient.substring("party:".length()))
                            : recipient;
            if (address != null && !addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return addresses;
    }
}
