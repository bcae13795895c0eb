package io.custodian.asset.incident;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A report that a device was lost or stolen. */
@Entity
class Incident extends PanacheEntityBase {

    enum Kind {
        LOST,
        STOLEN;

        AssetStatus assetStatus() {
            return this == LOST ? AssetStatus.LOST : AssetStatus.STOLEN;
        }
    }

    enum Status {
        OPEN,
        CONTAINED,
        CLOSED,
        RECOVERED;
    }

    @Id UUID id;

    @Enumerated(EnumType.STRING)
    Kind kind;

    @Enumerated(EnumType.STRING)
    Status status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "asset_id")
    Asset asset;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_asset_status")
    AssetStatus previousAssetStatus;

    @Column(name = "occurred_at")
    Instant occurredAt;

    @Column(name = "reported_at")
    Instant reportedAt;

    @Column(name = "reporting_delay_seconds")
    long reportingDelaySeconds;

    boolean late;

    String location;

    String circumstances;

    @Column(name = "police_reference")
    String policeReference;

    @Column(name = "reported_by")
    String reportedBy;

    @Version long version;
}
