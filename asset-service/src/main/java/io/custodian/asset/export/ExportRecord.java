package io.custodian.asset.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One export of the register: who took which part of it, when, in which format, and how many rows
 * left. Written when the export starts (so an interrupted one is still on record) and again when it
 * ends.
 */
@Entity
@Table(name = "export_log")
class ExportRecord extends PanacheEntityBase {

    enum Status {
        RUNNING,
        COMPLETED,
        FAILED;
    }

    /** Why a failed export ended early. */
    enum Failure {
        /** The client closed the connection before the last row. */
        CLIENT_DISCONNECTED,
        /** The database or the service failed (the service's log has the error). */
        SERVER_ERROR;
    }

    @Id UUID id;

    String requestedBy;

    @Enumerated(EnumType.STRING)
    ExportFormat format;

    /** The filter parameters as given, as a JSON object (name → values). */
    String filters;

    @Enumerated(EnumType.STRING)
    Status status;

    Instant startedAt;

    Instant finishedAt;

    long rowCount;

    /** Why it failed; null unless it did. */
    @Enumerated(EnumType.STRING)
    Failure failure;
}
