package io.custodian.notification.archfixtures.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Kafka where it belongs. Breaks no rule. */
class Consumer {

    String key(ConsumerRecord<String, String> record) {
        return record.key();
    }
}
