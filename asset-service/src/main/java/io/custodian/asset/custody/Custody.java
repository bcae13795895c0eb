package io.custodian.asset.custody;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.ownership.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One period in which a person held an asset: from check-out to check-in. */
@Entity
class Custody extends PanacheEntityBase {

    @Id UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    Asset asset;

    @ManyToOne(fetch = FetchType.LAZY)
    Person person;

    @ManyToOne(fetch = FetchType.LAZY)
    Acknowledgement acknowledgement;

    Instant checkedOutAt;

    String checkedOutBy;

    String checkoutNote;

    Instant checkedInAt;

    String checkedInBy;

    String condition;

    static Optional<Custody> open(Asset asset) {
        return find("asset = ?1 and checkedInAt is null", asset).firstResultOptional();
    }
}
