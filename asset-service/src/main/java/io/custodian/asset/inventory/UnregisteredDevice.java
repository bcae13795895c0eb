package io.custodian.asset.inventory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A device the MDM reported whose serial number the register does not know, as last reported. It
 * stops being listed as soon as an asset with its serial number is registered.
 */
@Entity
@Table(name = "unregistered_device")
class UnregisteredDevice extends PanacheEntityBase {

    @Id String serialNumber;

    String source;
    boolean diskEncrypted;
    boolean mdmEnrolled;
    boolean screenLock;
    String osVersion;
    Instant lastCheckInAt;
    Instant firstReportedAt;
    Instant lastReportedAt;
    String lastBatchId;
}
