package io.custodian.notification.archfixtures.records;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** An entity the rules' test declares a public read type. */
@Entity
public class Recipient {

    @Id public UUID id;
}
