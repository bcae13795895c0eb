package io.custodian.notification.archfixtures.records;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** An entity of the records feature, for the records feature alone. */
@Entity
public class Shipment {

    @Id public UUID id;

    /** A plain value another feature may use. */
    public enum Status {
        SENT,
        DELIVERED
    }
}
