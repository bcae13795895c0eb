package io.custodian.asset.incident;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.web.Lifecycle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
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
    Asset asset;

    @Enumerated(EnumType.STRING)
    AssetStatus previousAssetStatus;

    Instant occurredAt;

    Instant reportedAt;

    long reportingDelaySeconds;

    boolean late;

    String location;

    String circumstances;

    String policeReference;

    String reportedBy;

    /** The CloudEvent id of its {@code asset.incident.reported}: the alert A.6.8 follows. */
    UUID alertEventId;

    @Enumerated(EnumType.STRING)
    DeviceType deviceType;

    String deviceDescription;

    Instant containedAt;

    String containedBy;

    Instant closedAt;

    String closedBy;

    String closureNote;

    /** Containment actions in the order they were recorded. */
    @OneToMany(mappedBy = "incident")
    @OrderBy("position")
    List<IncidentAction> actions = new ArrayList<>();

    @Version long version;
}
