package io.custodian.notification.events;

import io.custodian.notification.NotificationConfig;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Makes the event consumers static members of their group when {@code custodian.events.member-id}
 * is set: each of the channel's consumers (one per partition stream, client ids {@code …-0}, {@code
 * …-1}, …) gets {@code group.instance.id = <member-id>-<client.id>}, stable across restarts, so a
 * restarted worker is given its partitions back without waiting for the session timeout.
 */
@ApplicationScoped
class StaticMembership implements ClientCustomizer<Map<String, Object>> {

    private static final Logger LOG = Logger.getLogger(StaticMembership.class);

    private final Optional<String> memberId;

    StaticMembership(NotificationConfig config) {
        this.memberId = config.events().memberId();
    }

    @Override
    public Map<String, Object> customize(
            String channel, Config channelConfig, Map<String, Object> config) {
        Object clientId = config.get(ConsumerConfig.CLIENT_ID_CONFIG);
        if (memberId.isEmpty() || clientId == null || !config.containsKey("group.id")) {
            return config; // not a consumer, or dynamic membership
        }
        // client ids of concurrent consumers look like kafka-consumer-events$1; '$' is not allowed
        String instanceId = (memberId.get() + "-" + clientId).replaceAll("[^A-Za-z0-9._-]", "-");
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        LOG.infof("Channel %s: static group member %s", channel, instanceId);
        return config;
    }
}
