package io.custodian.asset.offboarding;

import io.custodian.asset.inventory.Asset;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One asset of an off-boarding: to be returned (held) or handed to a new owner (owned). */
@Entity
@Table(name = "offboarding_item")
class OffboardingItem extends PanacheEntityBase {

    enum Kind {
        RETURN,
        OWNERSHIP_TRANSFER;
    }

    enum Status {
        PENDING,
        RETURNED,
        LOST,
        TRANSFERRED,
        WAIVED;
    }

    @Id UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    Offboarding offboarding;

    @ManyToOne(fetch = FetchType.LAZY)
    Asset asset;

    @Enumerated(EnumType.STRING)
    Kind kind;

    @Enumerated(EnumType.STRING)
    Status status;

    Instant closedAt;

    String closedBy;

    String condition;

    String waiverReason;
}
