package io.custodian.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir Path tmp;

    @Test
    void shouldProduceAndConsumeBeforeAndAfterARestart() throws Exception {
        Path dataDir = tmp.resolve("kafka");
        try (KafkaBroker broker = KafkaBroker.start("127.0.0.1", 0, dataDir)) {
            String bootstrap = broker.bootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");

            send(bootstrap, "custodian.test", "before");
            assertThat(consume(bootstrap, "custodian.test", 1)).containsExactly("before");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            send(bootstrap, "custodian.test", "after");
            // the data survived the restart: both records are there
            assertThat(consume(bootstrap, "custodian.test", 2)).containsExactly("before", "after");
        }
        // a given data directory is kept
        assertThat(Files.exists(dataDir.resolve("kraft-combined-logs/meta.properties"))).isTrue();
    }

    @Test
    void shouldDeleteItsTempDirectoryOnClose() {
        Path dataDir;
        try (KafkaBroker broker = KafkaBroker.start("127.0.0.1", 0, null)) {
            dataDir = broker.dataDir();
            assertThat(dataDir).exists();
        }
        assertThat(dataDir).doesNotExist();
    }

    private static void send(String bootstrap, String topic, String value) throws Exception {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        30_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            // one key: one partition, so the order is kept
            producer.send(new ProducerRecord<>(topic, "asset-1", value)).get();
        }
    }

    private static List<String> consume(String bootstrap, String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
