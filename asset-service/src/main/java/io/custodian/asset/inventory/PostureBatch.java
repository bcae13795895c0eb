package io.custodian.asset.inventory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A batch of posture reports as received once: its id makes the batch idempotent. */
@Entity
@Table(name = "posture_batch")
class PostureBatch extends PanacheEntityBase {

    @Id String id;

    /** SHA-256 of the batch's reports as read, so a reused id with other reports is refused. */
    String digest;

    Instant receivedAt;
    String receivedBy;
    int reports;
    int updated;
    int unregistered;
}
