package io.custodian.asset.inventory;

import io.custodian.asset.ownership.Group;
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
import org.hibernate.envers.Audited;

/** An inventory entry: a device or an information asset, with exactly one owner. */
@Audited
@Entity
public class Asset extends PanacheEntityBase {

    @Id public UUID id;

    public String assetTag;

    public String name;

    @Enumerated(EnumType.STRING)
    public Category category;

    /**
     * The category an import's file named when it became {@code other} here ("Monitors"); set by
     * imports only.
     */
    public String originalCategory;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    @Enumerated(EnumType.STRING)
    public AssetStatus status;

    public String serialNumber;

    public String manufacturer;
    public String model;
    public String notes;
    public String location;

    public LocalDate purchaseDate;

    public LocalDate warrantyUntil;

    public Boolean diskEncrypted;

    public Boolean mdmEnrolled;

    public Boolean screenLock;

    /** The operating system version the MDM last reported; set by posture reports only. */
    public String osVersion;

    /** When the device last checked in with its MDM, as the MDM reported it. */
    public Instant lastCheckInAt;

    /** When a posture report (the MDM feed) last set the posture; a hand edit is not a report. */
    public Instant postureReportedAt;

    /** Which MDM reported the posture ({@code fleet}, {@code jamf}, …). */
    public String postureSource;

    public Instant lastVerifiedAt;

    public Instant nextVerificationDue;

    public Instant verificationRemindedFor;

    /**
     * When the holder or owner said they do not have it ("I don't have this"); set while that
     * discrepancy is open, cleared by the next status change or attestation.
     */
    public Instant discrepancyReportedAt;

    /** Who said they do not have it. */
    public String discrepancyReportedBy;

    /** What they said of it. */
    public String discrepancyNote;

    @ManyToOne(fetch = FetchType.LAZY)
    public Person ownerPerson;

    @ManyToOne(fetch = FetchType.LAZY)
    public Group ownerGroup;

    @ManyToOne(fetch = FetchType.LAZY)
    public Person holder;

    public Instant createdAt;

    public Instant updatedAt;

    @Version public long version;

    /** Settle an open discrepancy: a status change or an attestation answered it. */
    public void settleDiscrepancy() {
        discrepancyReportedAt = null;
        discrepancyReportedBy = null;
        discrepancyNote = null;
    }

    /** Does this person hold the asset, own it themselves, or belong to the group that owns it? */
    public boolean isHeldOrOwnedBy(String email) {
        return (holder != null && holder.email.equalsIgnoreCase(email))
                || (ownerPerson != null && ownerPerson.email.equalsIgnoreCase(email))
                || (ownerGroup != null && ownerGroup.hasMember(email));
    }
}
