package io.custodian.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The CloudEvents on {@code custodian.events} as any consumer of the topic reads them (binary mode:
 * {@code ce_*} headers, the data as the value, keyed by the aggregate's id): what the asset-service
 * published, read from the beginning by a group of its own.
 */
final class Events {

    static final String TOPIC = "custodian.events";

    private Events() {}

    /** A consumer of the topic from its beginning, in a group of its own. */
    static KafkaConsumer<String, String> consumer(Custodian custodian) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, custodian.kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    static KafkaProducer<String, String> producer(Custodian custodian) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, custodian.kafka.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /**
     * Every event keyed {@code key} (of type {@code type}, or any when null), read until at least
     * one came and the topic has been quiet for a while after it, or {@code timeout} passed.
     */
    static List<ConsumerRecord<String, String>> keyed(
            KafkaConsumer<String, String> consumer, String key, String type, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        int quietPolls = 0;
        while (Instant.now().isBefore(deadline) && (found.isEmpty() || quietPolls < 3)) {
            var records = consumer.poll(Duration.ofMillis(300));
            quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
            for (ConsumerRecord<String, String> r : records) {
                if (key.equals(r.key()) && (type == null || type.equals(header(r, "ce_type")))) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    /** Every event keyed {@code key}, as {@link #keyed} within 15 s. */
    static List<ConsumerRecord<String, String>> keyed(
            KafkaConsumer<String, String> consumer, String key) {
        return keyed(consumer, key, null, Duration.ofSeconds(15));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
