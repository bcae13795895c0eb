package io.custodian.asset.inventory;

import io.custodian.asset.ownership.Group;
import io.custodian.asset.ownership.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
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

    @Column(name = "asset_tag")
    public String assetTag;

    public String name;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    @Enumerated(EnumType.STRING)
    public AssetStatus status;

    @Column(name = "serial_number")
    public String serialNumber;

    public String manufacturer;
    public String model;
    public String notes;
    public String location;

    @Column(name = "purchase_date")
    public LocalDate purchaseDate;

    @Column(name = "warranty_until")
    public LocalDate warrantyUntil;

    @Column(name = "disk_encrypted")
    public Boolean diskEncrypted;

    @Column(name = "mdm_enrolled")
    public Boolean mdmEnrolled;

    @Column(name = "screen_lock")
    public Boolean screenLock;

    @Column(name = "last_verified_at")
    public Instant lastVerifiedAt;

    @Column(name = "next_verification_due")
    public Instant nextVerificationDue;

    @Column(name = "verification_reminded_for")
    public Instant verificationRemindedFor;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_person_id")
    public Person ownerPerson;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_group_id")
    public Group ownerGroup;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "holder_id")
    public Person holder;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version public long version;

    /** Does this person hold the asset, own it themselves, or belong to the group that owns it? */
    public boolean isHeldOrOwnedBy(String email) {
        return (holder != null && holder.email.equalsIgnoreCase(email))
                || (ownerPerson != null && ownerPerson.email.equalsIgnoreCase(email))
                || (ownerGroup != null && ownerGroup.hasMember(email));
    }
}
