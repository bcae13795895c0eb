package io.custodian.asset.ownership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A team that can own assets, with the contact that hears about them. */
@Audited
@Entity(name = "AssetGroup")
@Table(name = "asset_group")
public class Group extends PanacheEntityBase {

    @Id public UUID id;

    public String name;

    public String contactEmail;

    public String chatChannel;

    public Instant createdAt;

    public Instant updatedAt;

    /** The identity provider's {@code externalId} of the group, as SCIM sent it. */
    public String scimExternalId;

    /**
     * When the group was deactivated (its SCIM resource deleted): it owns what it owned until each
     * asset has a new owner, takes no new assets, and is gone from SCIM; null while active.
     */
    public Instant deactivatedAt;

    @ManyToMany
    @JoinTable(
            name = "group_member",
            joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    public Set<Person> members = new HashSet<>();

    @Version public long version;

    public boolean hasMember(String email) {
        return members.stream().anyMatch(p -> p.email.equalsIgnoreCase(email));
    }
}
