package io.custodian.asset.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One committed change set of the register: when, and who made it. Append-only. */
@Entity
@Table(name = "revinfo")
@RevisionEntity(ActorRevisionListener.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    @Column(name = "rev")
    public long id;

    @RevisionTimestamp public Instant at;

    /** The caller's e-mail from the token, or {@link Actors#SYSTEM} outside a request. */
    public String actor;
}
