package io.custodian.asset.policy;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.web.Lifecycle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A reported violation of the policy: reported → acknowledged → closed (with its outcome). */
@Entity
@Table(name = "policy_violation")
class Violation extends PanacheEntityBase {

    enum Status implements Lifecycle<Status> {
        REPORTED,
        ACKNOWLEDGED,
        CLOSED;

        /** reported → acknowledged → closed: each status leads to the one declared after it. */
        @Override
        public boolean canBecome(Status next) {
            return next.ordinal() == ordinal() + 1;
        }
    }

    @Id UUID id;

    @Enumerated(EnumType.STRING)
    Status status;

    String description;

    @Enumerated(EnumType.STRING)
    PolicyClause clause;

    Instant occurredAt;

    /** The person concerned, when the reporter named one. */
    @ManyToOne(fetch = FetchType.LAZY)
    Person person;

    /** The asset concerned, when the reporter named one. */
    @ManyToOne(fetch = FetchType.LAZY)
    Asset asset;

    /** The person as the reporter named them (id or e-mail), whether or not it matched anyone. */
    String personReference;

    /** The asset as the reporter named it (id or tag), whether or not it matched one. */
    String assetReference;

    String reportedBy;

    Instant reportedAt;

    String acknowledgedBy;

    Instant acknowledgedAt;

    String acknowledgementNote;

    String closedBy;

    Instant closedAt;

    String outcome;

    @Version long version;
}
