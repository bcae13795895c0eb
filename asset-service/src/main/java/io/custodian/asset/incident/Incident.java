package io.custodian.asset.incident;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.web.Lifecycle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A report that a device was lost or stolen: an inventory asset, or an unregistered personal device
 * with company access (exactly one). Lifecycle {@code open → contained → closed}, or {@code open |
 * contained → recovered} for inventory assets.
 */
@Entity
class Incident extends PanacheEntityBase {

    enum Kind {
        LOST,
        STOLEN;

        AssetStatus assetStatus() {
            return this == LOST ? AssetStatus.LOST : AssetStatus.STOLEN;
        }
    }

    enum Status implements Lifecycle<Status> {
        OPEN,
        CONTAINED,
        CLOSED,
        RECOVERED;

        /** The legal lifecycle steps. */
        @Override
        public boolean canBecome(Status next) {
            return switch (next) {
                case OPEN -> false;
                case CONTAINED -> this == OPEN;
                case RECOVERED -> this == OPEN || this == CONTAINED;
                case CLOSED -> this == CONTAINED;
            };
        }

        boolean isFinal() {
            return this == CLOSED || this == RECOVERED;
        }
    }

    /** What kind of personal device. */
    enum DeviceType {
        PHONE,
        LAPTOP,
        TABLET,
        OTHER
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

    @Enumerated(EnumType.STRING)
    @Column(name = "device_type")
    DeviceType deviceType;

    @Column(name = "device_description")
    String deviceDescription;

    @Column(name = "contained_at")
    Instant containedAt;

    @Column(name = "contained_by")
    String containedBy;

    @Column(name = "closed_at")
    Instant closedAt;

    @Column(name = "closed_by")
    String closedBy;

    @Column(name = "closure_note")
    String closureNote;

    /** Containment actions in the order they were recorded. */
    @OneToMany(mappedBy = "incident")
    @OrderBy("position")
    List<IncidentAction> actions = new ArrayList<>();

    @Version long version;
}
