package io.custodian.notification.archfixtures.reports;

import io.custodian.notification.archfixtures.records.Shipment;

/** Reads another feature's entity. */
class EntityPeeker {
    Object id(Shipment shipment) {
        return shipment.id;
    }
}
