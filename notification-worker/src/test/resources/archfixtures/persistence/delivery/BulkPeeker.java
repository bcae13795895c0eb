package io.custodian.notification.archfixtures.delivery;

import io.custodian.notification.archfixtures.records.BulkShipments;

/** Uses a bulk writer shared with another feature, not with this one. */
class BulkPeeker {
    BulkShipments.Batch batch() {
        return new BulkShipments.Batch(2);
    }
}
