package io.custodian.asset.ownership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** Someone who can own or hold assets; synced from HR. */
@Audited
@Entity
public class Person extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        LEAVING,
        DEPARTED;
    }

    @Id public UUID id;

    public String employeeId;

    public String email;

    public String displayName;

    /** Given and family name, when the identity provider sends them (SCIM {@code name}). */
    public String givenName;

    public String familyName;

    @Enumerated(EnumType.STRING)
    public Status status;

    /**
     * The identity provider's subject (the token's subject claim), when HR or SCIM recorded it; one
     * person per subject. It binds tokens to this person when {@code custodian.security.identity}
     * is {@code subject}.
     */
    public String subject;

    /**
     * When an identity provider deleted the person's SCIM resource (a deprovisioning): the person
     * stays, the resource answers 404; null while it exists.
     */
    public Instant scimDeletedAt;

    /** SCIM's {@code userName} as the identity provider sent it: {@link #email} in its case. */
    public String scimUserName;

    @ManyToOne(fetch = FetchType.LAZY)
    public Person manager;

    public Instant createdAt;

    public Instant updatedAt;

    @Version public long version;

    public static Optional<Person> findByEmployeeId(String employeeId) {
        return find("employeeId", employeeId).firstResultOptional();
    }

    public static Optional<Person> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public static Optional<Person> findByEmail(String email) {
        return find("email", email.toLowerCase()).firstResultOptional();
    }
}
