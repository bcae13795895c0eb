package io.custodian.notification.events;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The Kafka record an event came in, as it came (key, value, every header) and where it was read
 * from: what the dead-letter record repeats, so that a replay from there is the same CloudEvent.
 */
record RecordCopy(
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        List<RecordHeader> headers) {

    /** One Kafka header; the value as raw bytes (may be null). */
    record RecordHeader(String name, byte[] value) {}

    RecordCopy {
        headers = List.copyOf(headers);
    }

    /** The last header of this name as UTF-8 text, if the record has one. */
    Optional<String> header(String name) {
        String value = null;
        for (RecordHeader header : headers) {
            if (header.name().equals(name) && header.value() != null) {
                value = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return Optional.ofNullable(value);
    }

    @SuppressWarnings("unchecked")
    static RecordCopy of(Message<String> message) {
        Optional<IncomingKafkaRecordMetadata> metadata =
                message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (metadata.isEmpty()) {
            return new RecordCopy("", -1, -1, null, message.getPayload(), List.of());
        }
        IncomingKafkaRecordMetadata<?, ?> kafka = metadata.get();
        List<RecordHeader> headers = new ArrayList<>();
        for (Header header : kafka.getHeaders()) {
            headers.add(new RecordHeader(header.key(), header.value()));
        }
        Object key = kafka.getKey();
        return new RecordCopy(
                kafka.getTopic(),
                kafka.getPartition(),
                kafka.getOffset(),
                key == null ? null : key.toString(),
                message.getPayload(),
                headers);
    }
}
