package io.custodian.notification;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.local.MailSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces Custodian CloudEvents the way asset-service does: Kafka binary mode ({@code ce_*}
 * headers, JSON data as the value, the asset id as the key), with a plain kafka-clients producer.
 */
public final class Events implements AutoCloseable {

    public static final String CEO = "ceo@example.com";
    public static final String CTO = "cto@example.com";
    public static final String DEAD_LETTERED = "custodian.notifications.dead.lettered";
    public static final String DEAD_LETTER_TOPIC = "custodian.events.dlq";

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper;

    public Events(ObjectMapper mapper) {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.mapper = mapper;
    }

    /** A stolen laptop, as in the schema's example, with a fresh incident and asset id. */
    public static IncidentReported stolenLaptop(String assetTag, String location) {
        return stolenLaptop(assetTag, "MacBook Pro 14 (Ada)", location, UUID.randomUUID());
    }

    /**
     * A stolen laptop named {@code name} with this asset id (the Kafka key), and a fresh incident
     * id.
     */
    public static IncidentReported stolenLaptop(
            String assetTag, String name, String location, UUID assetId) {
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant occurred = reported.minus(Duration.ofMinutes(47));
        return new IncidentReported(
                UUID.randomUUID(),
                "stolen",
                occurred,
                reported,
                Duration.between(occurred, reported).toSeconds(),
                false,
                location,
                "Bag taken from the luggage rack while I was asleep.",
                "BTP-2026-118273",
                "ada@example.com",
                new IncidentReported.Asset(
                        assetId,
                        assetTag,
                        name,
                        "laptop",
                        "confidential",
                        "C02XK1JHJG5J",
                        "in_use"),
                new IncidentReported.Party(
                        "group", UUID.randomUUID(), "Platform team", "platform@example.com"),
                new IncidentReported.Party(
                        "person", UUID.randomUUID(), "Ada Lovelace", "ada@example.com"));
    }

    /** A phone lost three days before it was reported: a late report. */
    public static IncidentReported lostPhoneReportedLate(String assetTag) {
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant occurred = reported.minus(Duration.ofDays(3).plusHours(2));
        return new IncidentReported(
                UUID.randomUUID(),
                "lost",
                occurred,
                reported,
                Duration.between(occurred, reported).toSeconds(),
                true,
                "Somewhere between the office and Kings Cross",
                null,
                null,
                "grace@example.com",
                new IncidentReported.Asset(
                        UUID.randomUUID(),
                        assetTag,
                        "iPhone 15 (Grace)",
                        "phone",
                        "internal",
                        null,
                        "in_use"),
                new IncidentReported.Party(
                        "person", UUID.randomUUID(), "Grace Hopper", "grace@example.com"),
                null);
    }

    /**
     * Sends {@code asset.incident.reported} with this CloudEvent id; waits for the broker's ack.
     */
    public void sendIncident(String eventId, IncidentReported incident) {
        try {
            send(
                    eventId,
                    EventTypes.INCIDENT_REPORTED,
                    incident.asset().id().toString(),
                    mapper.writeValueAsString(incident));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The partition of custodian.events a record with this key goes to (the default partitioner).
     */
    public int partitionOf(String key) {
        int partitions = producer.partitionsFor(EventTypes.TOPIC).size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A fresh asset id whose events go to the same partition as those of {@code key}. */
    public UUID assetIdOnThePartitionOf(String key) {
        int partition = partitionOf(key);
        while (true) {
            UUID id = UUID.randomUUID();
            if (!id.toString().equals(key) && partitionOf(id.toString()) == partition) {
                return id;
            }
        }
    }

    /**
     * Sends {@code asset.incident.reported} as asset-service's relay does with tracing on: with the
     * producer span's {@code traceparent} header.
     */
    public void sendIncident(String eventId, IncidentReported incident, String traceParent) {
        try {
            send(
                    eventId,
                    EventTypes.INCIDENT_REPORTED,
                    incident.asset().id().toString(),
                    mapper.writeValueAsString(incident),
                    Map.of("traceparent", traceParent));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a binary-mode CloudEvent with any type and data; the key doubles as the subject. */
    public void send(String eventId, String type, String key, String data) {
        send(eventId, type, key, data, Map.of());
    }

    private void send(
            String eventId, String type, String key, String data, Map<String, String> extra) {
        var record = new ProducerRecord<>(EventTypes.TOPIC, key, data);
        extra.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        eventId,
                        "ce_type",
                        type,
                        "ce_source",
                        "/custodian/asset-service",
                        "ce_subject",
                        "assets/" + key,
                        "ce_time",
                        Instant.now().toString(),
                        "ce_dataschema",
                        EventTypes.dataSchemaUri(type),
                        "content-type",
                        "application/json")
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce event " + eventId, e);
        }
    }

    /**
     * The mailbox of {@code address}, read safely while the worker delivers (GreenMail's search can
     * throw {@link ConcurrentModificationException} during a delivery).
     */
    public static List<MimeMessage> inbox(MailSink sink, String address) {
        while (true) {
            try {
                return sink.messagesTo(address);
            } catch (ConcurrentModificationException e) {
                Thread.onSpinWait();
            }
        }
    }

    /** Waits until each recipient has a mail about this event; returns the wait in ms. */
    public static long awaitMails(MailSink sink, String eventId, String... recipients) {
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .until(
                        () ->
                                Arrays.stream(recipients)
                                        .noneMatch(r -> about(eventId, inbox(sink, r)).isEmpty()));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Waits until the worker has settled this event: every target alerted or given up on (its
     * {@code processed_event} row has {@code processed_at}). After it, what the event caused is all
     * there: "nothing else arrived" can be asserted without a sleep.
     */
    public static void awaitSettled(String eventId) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> settledAt(eventId) != null);
    }

    private static Object settledAt(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                Panache.getEntityManager()
                                        .createNativeQuery(
                                                "select processed_at from processed_event where"
                                                        + " event_id = ?1")
                                        .setParameter(1, eventId)
                                        .getResultList()
                                        .stream()
                                        .filter(Objects::nonNull)
                                        .findFirst()
                                        .orElse(null));
    }

    /** The mails in this list that alert about the given CloudEvent id. */
    public static List<MimeMessage> about(String eventId, List<MimeMessage> messages) {
        return messages.stream()
                .filter(m -> eventId.equals(header(m, "X-Custodian-Event-Id")))
                .toList();
    }

    /** The decoded {@code text/plain} part of a mail (the HTML alternative left out). */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The decoded {@code text/html} part of a mail. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            return part((Part) message, type);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String content = part(multipart.getBodyPart(i), type);
                if (content != null) {
                    return content;
                }
            }
        }
        return null;
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The count of events of this type dead-lettered for this reason ({@code permanent}, {@code
     * window-exhausted}, {@code error}).
     */
    public static Counter deadLettered(MeterRegistry registry, String type, String reason) {
        return Counter.builder(DEAD_LETTERED)
                .tag("type", type)
                .tag("reason", reason)
                .register(registry);
    }

    /** Events of this type dead-lettered, whatever the reason. */
    public static double deadLettered(MeterRegistry registry, String type) {
        return registry.find(DEAD_LETTERED).tag("type", type).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Waits for the dead-letter record of this CloudEvent id and returns it. */
    public static ConsumerRecord<String, String> awaitDeadLetter(String eventId, Duration timeout) {
        return awaitRecords(DEAD_LETTER_TOPIC, r -> eventId.equals(header(r, "ce_id")), 1, timeout)
                .get(0);
    }

    /**
     * Reads {@code topic} from its start until {@code count} records match, and returns them; fails
     * when fewer came within {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(
            String topic,
            java.util.function.Predicate<ConsumerRecord<String, String>> matching,
            int count,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && found.size() < count) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError(
                    found.size() + " of " + count + " records on " + topic + " within " + timeout);
        }
        return found;
    }

    /** A header of a Kafka record as UTF-8 text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
