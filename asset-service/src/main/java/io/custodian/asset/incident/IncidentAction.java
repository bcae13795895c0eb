package io.custodian.asset.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** One containment action on an incident: what, who (from the token) and when. Append-only. */
@Entity
@Table(name = "incident_action")
class IncidentAction extends PanacheEntityBase {

    /** The API spells these with hyphens: {@code remote-lock-requested}. */
    enum Type {
        ACCESS_REVOKED,
        REMOTE_LOCK_REQUESTED,
        REMOTE_WIPE_REQUESTED,
        CREDENTIALS_ROTATED,
        OTHER;

        String spelled() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Type> parse(String value) {
            return Arrays.stream(values()).filter(t -> t.spelled().equals(value)).findFirst();
        }

        static String allSpelled() {
            return Arrays.stream(values()).map(Type::spelled).collect(Collectors.joining(", "));
        }
    }

    @Id UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    Incident incident;

    /** 1 for the first action of the incident, then 2, 3, … */
    int position;

    @Enumerated(EnumType.STRING)
    Type action;

    String note;

    String performedBy;

    Instant performedAt;
}
