package io.custodian.notification.events;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every consumer of the events channel has joined the group and been given its share,
 * which may be none: with more workers' consumers than partitions, some stand by, ready to take
 * over a partition when a worker leaves. (The connector's own readiness, a partition for every
 * consumer, would keep such a worker unready forever.)
 */
@Readiness
@ApplicationScoped
@Identifier("events-group")
class GroupReadiness implements KafkaConsumerRebalanceListener, HealthCheck {

    private final Set<Consumer<?, ?>> joined =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final int consumers;

    GroupReadiness(
            @ConfigProperty(name = "mp.messaging.incoming.events.concurrency", defaultValue = "1")
                    int consumers) {
        this.consumers = consumers;
    }

    @Override
    public void onPartitionsAssigned(
            Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined.add(consumer); // called at the end of every rebalance, also with no partition
    }

    @Override
    public HealthCheckResponse call() {
        int in = joined.size();
        return HealthCheckResponse.named("events consumer group joined")
                .status(in >= consumers)
                .withData("consumers", consumers)
                .withData("joined", in)
                .build();
    }
}
