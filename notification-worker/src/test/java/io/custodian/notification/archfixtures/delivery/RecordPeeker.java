package io.custodian.notification.archfixtures.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Feature code that reads a Kafka record itself, outside events. */
class RecordPeeker {

    String key(ConsumerRecord<String, String> record) {
        return record.key();
    }
}
