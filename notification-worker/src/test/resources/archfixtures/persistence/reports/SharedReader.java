package io.custodian.notification.archfixtures.reports;

import io.custodian.notification.archfixtures.records.BulkShipments;
import io.custodian.notification.archfixtures.records.Recipient;
import io.custodian.notification.archfixtures.records.Shipment;

/** Uses only what the records feature shares, and a plain value of its entity. Breaks no rule. */
class SharedReader {
    Object id(Recipient recipient) {
        return recipient.id;
    }

    boolean known(java.util.UUID id) {
        return Recipient.byId(id).isPresent();
    }

    void write(BulkShipments bulk) {
        bulk.write(new BulkShipments.Batch(1));
    }

    boolean delivered(Shipment.Status status) {
        return status == Shipment.Status.DELIVERED;
    }
}
