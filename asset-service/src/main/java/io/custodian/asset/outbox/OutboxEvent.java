package io.custodian.asset.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    String aggregateType;

    String aggregateId;

    String type;

    String subject;

    @JdbcTypeCode(SqlTypes.JSON)
    String payload;

    Instant createdAt;

    Instant publishedAt;

    int attempts;

    String lastError;

    /** The W3C {@code traceparent} of the span current when the event was appended, or null. */
    String traceParent;
}
