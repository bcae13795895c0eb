package io.custodian.notification.archfixtures.records;

import java.util.List;

/** The records feature's queries. */
public class ShipmentStore {

    public List<Shipment> all() {
        return List.of();
    }
}
