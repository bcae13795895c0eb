package io.custodian.asset.inventory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone attested that the asset is still where the register says. */
@Entity
@Table(name = "asset_verification")
class Verification extends PanacheEntityBase {

    @Id UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    Asset asset;

    Instant verifiedAt;

    String verifiedBy;

    String note;
}
