package io.custodian.notification.archfixtures.records;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Optional;
import java.util.UUID;

/** An entity the rules' test declares a public read type. */
@Entity
public class Recipient extends Records {

    @Id public UUID id;

    /** A query the records feature declares: other features may call it. */
    public static Optional<Recipient> byId(UUID id) {
        return Optional.empty();
    }
}
