package io.custodian.notification.archfixtures.reports;

import io.custodian.notification.archfixtures.records.ShipmentStore;

/** Queries through another feature's store. */
class StorePeeker {
    int count(ShipmentStore store) {
        return store.all().size();
    }
}
