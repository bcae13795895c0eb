package io.custodian.asset.custody;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.ownership.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One period in which a person held an asset: from check-out to check-in. */
@Entity
class Custody extends PanacheEntityBase {

    @Id UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "asset_id")
    Asset asset;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    Person person;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "acknowledgement_id")
    Acknowledgement acknowledgement;

    @Column(name = "checked_out_at")
    Instant checkedOutAt;

    @Column(name = "checked_out_by")
    String checkedOutBy;

    @Column(name = "checkout_note")
    String checkoutNote;

    @Column(name = "checked_in_at")
    Instant checkedInAt;

    @Column(name = "checked_in_by")
    String checkedInBy;

    String condition;

    static Optional<Custody> open(Asset asset) {
        return find("asset = ?1 and checkedInAt is null", asset).firstResultOptional();
    }
}
