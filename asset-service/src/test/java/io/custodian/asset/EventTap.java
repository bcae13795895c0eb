package io.custodian.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An independent Kafka consumer, as any other team's service would be: reads the events topic from
 * the beginning and collects what arrived, with the CloudEvent headers decoded.
 *
 * <p>{@link #settled} answers "everything this key ever caused": it waits until the outbox holds no
 * unpublished event of the key and then reads every partition up to its end, so a test asserts
 * "exactly one" or "nothing else" without sleeping in the hope that a duplicate shows.
 */
public final class EventTap implements AutoCloseable {

    private static final String TOPIC = "custodian.events";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    public record Event(String key, Map<String, String> headers, String value) {
        public String header(String name) {
            return headers.get(name);
        }

        public String type() {
            return header("ce_type");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<Event> seen = new ArrayList<>();

    public EventTap() {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        // every partition, assigned: no group, no rebalance, and the end offsets known at any time
        partitions =
                consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(TOPIC, p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything received so far with this key, after polling once more. */
    public synchronized List<Event> withKey(String key) {
        poll();
        return ofKey(key);
    }

    /**
     * Everything ever published with this key: once the outbox holds no unpublished event of it,
     * every partition is read up to its end.
     */
    public synchronized List<Event> settled(String key) {
        await().atMost(PATIENCE).until(() -> unpublished(key) == 0);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        await().atMost(PATIENCE)
                .until(
                        () -> {
                            poll();
                            return end.entrySet().stream()
                                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                        });
        return ofKey(key);
    }

    /** The settled events of this type with this key. */
    public List<Event> settled(String key, String type) {
        return settled(key).stream().filter(e -> type.equals(e.type())).toList();
    }

    /**
     * The one event of this type with this key: waits for it, then fails unless it is the only one
     * once everything of the key is published and read.
     */
    public Event only(String key, String type) {
        await().atMost(PATIENCE)
                .until(() -> withKey(key).stream().anyMatch(e -> type.equals(e.type())));
        List<Event> events = settled(key, type);
        assertThat(events).as("%s events with key %s", type, key).hasSize(1);
        return events.get(0);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            seen.add(new Event(record.key(), headers, record.value()));
        }
    }

    private List<Event> ofKey(String key) {
        return seen.stream().filter(e -> key.equals(e.key())).toList();
    }

    private static long unpublished(String key) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                ((Number)
                                                Panache.getEntityManager()
                                                        .createNativeQuery(
                                                                "select count(*) from outbox_event"
                                                                        + " where aggregate_id = ?1"
                                                                        + " and published_at is"
                                                                        + " null")
                                                        .setParameter(1, key)
                                                        .getSingleResult())
                                        .longValue());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
