package io.custodian.asset.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Paged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The record of exports: one row per export, started and finished. */
@ApplicationScoped
public class ExportLog {

    private static final TypeReference<Map<String, List<String>>> FILTERS =
            new TypeReference<>() {};

    private final EntityManager db;
    private final Clock clock;
    private final ObjectMapper json;

    ExportLog(EntityManager db, Clock clock, ObjectMapper json) {
        this.db = db;
        this.clock = clock;
        this.json = json;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    UUID started(String requestedBy, ExportFormat format, Map<String, List<String>> filters) {
        ExportRecord record = new ExportRecord();
        record.id = UUID.randomUUID();
        record.requestedBy = requestedBy;
        record.format = format;
        try {
            record.filters = json.writeValueAsString(filters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        record.status = ExportRecord.Status.RUNNING;
        record.startedAt = Instant.now(clock);
        record.persist();
        return record.id;
    }

    /** The export ended: completed when {@code failure} is null, else failed for that reason. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finished(UUID id, ExportRecord.Failure failure, long rows) {
        ExportRecord record = db.find(ExportRecord.class, id);
        record.status =
                failure == null ? ExportRecord.Status.COMPLETED : ExportRecord.Status.FAILED;
        record.failure = failure;
        record.finishedAt = Instant.now(clock);
        record.rowCount = rows;
    }

    /** GET /api/v1/reports/exports: newest first, optionally one requester's, keyset pages. */
    @Transactional
    public Paged list(Listing listing) {
        Keyset.Request request = Keyset.request(listing, "requestedBy");
        Keyset.Query query =
                new Keyset.Query()
                        .whereGiven(
                                "e.requestedBy = :requester",
                                "requester",
                                Keyset.email(request.params(), "requestedBy"));
        List<ExportRecord> rows =
                request.rows(
                        query,
                        db,
                        "select e from ExportRecord e",
                        ExportRecord.class,
                        "e.startedAt",
                        "e.id");
        return request.page(
                rows, e -> new Keyset.Position(e.startedAt, e.id), this::view, Page::new);
    }

    private View view(ExportRecord e) {
        Map<String, List<String>> filters;
        try {
            filters = json.readValue(e.filters, FILTERS);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return new View(
                e.id,
                e.requestedBy,
                e.format,
                filters,
                e.status,
                e.startedAt,
                e.finishedAt,
                e.rowCount,
                e.failure);
    }

    /** An export as the report shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(
            UUID id,
            String requestedBy,
            ExportFormat format,
            Map<String, List<String>> filters,
            ExportRecord.Status status,
            Instant startedAt,
            Instant finishedAt,
            long rowCount,
            ExportRecord.Failure failure) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<View> items, String next) {}
}
