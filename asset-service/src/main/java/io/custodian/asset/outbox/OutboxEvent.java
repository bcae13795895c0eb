package io.custodian.asset.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event stored in the same transaction as the change it announces; relayed to Kafka later. */
@Entity
@Table(name = "outbox_event")
class OutboxEvent extends PanacheEntityBase {

    @Id UUID id;

    @Column(name = "aggregate_type")
    String aggregateType;

    @Column(name = "aggregate_id")
    String aggregateId;

    String type;

    String subject;

    @JdbcTypeCode(SqlTypes.JSON)
    String payload;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "published_at")
    Instant publishedAt;

    int attempts;

    @Column(name = "last_error")
    String lastError;
}
