package io.custodian.asset.offboarding;

import io.custodian.asset.ownership.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A leaver's off-boarding: what they must return or hand over, until every item is closed. */
@Entity
public class Offboarding extends PanacheEntityBase {

    public enum Status {
        OPEN,
        COMPLETED;
    }

    /** How the HR system started it: its webhook, or a SCIM deprovisioning. */
    public enum Source {
        WEBHOOK,
        SCIM;
    }

    @Id public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    public Person person;

    public LocalDate lastWorkingDay;

    @Enumerated(EnumType.STRING)
    public Source source;

    public String reference;

    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant startedAt;

    public String startedBy;

    public Instant completedAt;

    /** The day the last return-overdue escalation was sent. */
    public LocalDate escalatedOn;

    @Version public long version;
}
