package io.custodian.asset.custody;

import io.custodian.asset.ownership.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person's acknowledgement of one version of the acceptable-use rules. */
@Entity
@Table(name = "acceptable_use_ack")
class Acknowledgement extends PanacheEntityBase {

    @Id UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    Person person;

    @ManyToOne(fetch = FetchType.LAZY)
    AcceptableUseVersion version;

    Instant acknowledgedAt;

    static Optional<Acknowledgement> of(Person person, AcceptableUseVersion version) {
        return find("person = ?1 and version = ?2", person, version).firstResultOptional();
    }
}
