package io.custodian.asset.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.inventory.AssetFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/**
 * Exports of the register, streamed: one read-only transaction runs one query (the search's
 * filters, in asset-tag order) through a server-side cursor of {@code fetch-size} rows, and each
 * row is written to the response as it arrives. Memory stays flat however large the register; the
 * export is a consistent snapshot (one statement).
 */
@ApplicationScoped
class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class);

    /** The export's own parameter beside the search filters. */
    private static final Set<String> FORMAT = Set.of("format");

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final EntityManager db;
    private final Clock clock;
    private final ObjectMapper json;
    private final ExportConfig config;
    private final ExportLog log;

    Exports(EntityManager db, Clock clock, ObjectMapper json, ExportConfig config, ExportLog log) {
        this.db = db;
        this.clock = clock;
        this.json = json;
        this.config = config;
        this.log = log;
    }

    /** A started export: what to send, as which media type and file name. */
    record Export(ExportFormat format, String fileName, StreamingOutput body) {}

    /**
     * Checks the parameters (a 400 before anything is streamed), records the export as started, and
     * returns the body that streams it. The body stops, and the export is recorded as failed, as
     * soon as {@code clientGone} says the client has closed the connection.
     */
    Export start(
            MultivaluedMap<String, String> params, String requestedBy, BooleanSupplier clientGone) {
        AssetFilter filter = AssetFilter.of(params, FORMAT, clock);
        ExportFormat format = ExportFormat.of(AssetFilter.single(params, "format"));
        UUID id = log.started(requestedBy, format, filter.given());
        String fileName =
                "custodian-assets-"
                        + FILE_TIME.format(Instant.now(clock))
                        + "."
                        + format.extension();
        return new Export(
                format,
                fileName,
                out -> write(id, requestedBy, format, filter, new ClientStream(out, clientGone)));
    }

    private void write(
            UUID id, String requestedBy, ExportFormat format, AssetFilter filter, OutputStream out)
            throws IOException {
        long started = System.nanoTime();
        long[] rows = {0};
        try {
            QuarkusTransaction.requiringNew()
                    .timeout((int) config.transactionTimeout().toSeconds())
                    .run(() -> stream(format, filter, out, rows));
        } catch (RuntimeException e) {
            log.finished(id, false, rows[0]);
            LOG.warnf(
                    "Export %s by %s failed after %d rows: %s",
                    id, requestedBy, rows[0], e.toString());
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof IOException io) {
                    throw io;
                }
                cause = cause.getCause();
            }
            throw e;
        }
        log.finished(id, true, rows[0]);
        long ms = (System.nanoTime() - started) / 1_000_000;
        LOG.infof(
                "Export %s by %s (%s, filters %s): %d rows in %d ms",
                id, requestedBy, format.extension(), filter.given(), rows[0], ms);
    }

    private void stream(ExportFormat format, AssetFilter filter, OutputStream out, long[] rows) {
        Session session = db.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.doWork(
                connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set transaction read only");
                    }
                });
        TypedQuery<ExportRow> query =
                db.createQuery(
                        ExportRow.SELECT + filter.whereClause() + " order by a.assetTag",
                        ExportRow.class);
        filter.bind(query);
        query.setHint(HibernateHints.HINT_FETCH_SIZE, config.fetchSize());
        query.setHint(HibernateHints.HINT_READ_ONLY, true);
        try (Stream<ExportRow> results = query.getResultStream();
                RowWriter writer = RowWriter.of(format, out, json)) {
            Iterator<ExportRow> it = results.iterator();
            while (it.hasNext()) {
                writer.write(it.next());
                rows[0]++;
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
