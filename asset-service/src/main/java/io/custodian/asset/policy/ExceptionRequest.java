package io.custodian.asset.policy;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.web.Lifecycle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** A request for an exception to the policy, and leadership's decision on it. */
@Entity
@Table(name = "policy_exception")
class ExceptionRequest extends PanacheEntityBase {

    enum Status implements Lifecycle<Status> {
        REQUESTED,
        APPROVED,
        REJECTED,
        EXPIRED;

        /** requested → approved | rejected, once; approved → expired after its last valid day. */
        @Override
        public boolean canBecome(Status next) {
            return switch (next) {
                case REQUESTED -> false;
                case APPROVED, REJECTED -> this == REQUESTED;
                case EXPIRED -> this == APPROVED;
            };
        }
    }

    @Id UUID id;

    @Enumerated(EnumType.STRING)
    PolicyClause clause;

    String justification;

    @Enumerated(EnumType.STRING)
    Status status;

    /** The assets concerned, in the order the requester listed them. */
    @ManyToMany
    @JoinTable(
            name = "policy_exception_asset",
            joinColumns = @JoinColumn(name = "exception_id"),
            inverseJoinColumns = @JoinColumn(name = "asset_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    List<Asset> assets = new ArrayList<>();

    String requestedBy;

    Instant requestedAt;

    LocalDate wantedUntil;

    String decidedBy;

    Instant decidedAt;

    String decisionNote;

    /** Approved exceptions: the last day (in the company's zone) the exception holds. */
    LocalDate validUntil;

    Instant expiredAt;

    @Version long version;
}
