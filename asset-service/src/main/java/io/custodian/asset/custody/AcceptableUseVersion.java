package io.custodian.asset.custody;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One published version of the acceptable-use rules; the newest one is current. */
@Entity
@Table(name = "acceptable_use_version")
class AcceptableUseVersion extends PanacheEntityBase {

    @Id UUID id;

    String version;

    String title;

    String body;

    String url;

    Instant publishedAt;

    String publishedBy;

    static Optional<AcceptableUseVersion> current() {
        return find("order by publishedAt desc, id desc").firstResultOptional();
    }
}
