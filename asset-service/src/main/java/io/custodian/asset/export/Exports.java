package io.custodian.asset.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.inventory.AssetFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
    /** What streams the export to the client's stream. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    record Export(ExportFormat format, String fileName, Body body) {}

    /**
     * Checks the parameters (a 400 before anything is streamed), records the export as started, and
     * returns the body that streams it; {@code clientGone} says whether the client has closed the
     * connection (the server discards what is written after that, without an error).
     */
    Export start(Map<String, List<String>> params, String requestedBy, BooleanSupplier clientGone) {
        AssetFilter filter = AssetFilter.of(params, FORMAT, clock);
        ExportFormat format = ExportFormat.of(AssetFilter.single(params, "format"));
        UUID id = log.started(requestedBy, format, filter.given());
        String fileName =
                "custodian-assets-"
                        + FILE_TIME.format(Instant.now(clock))
                        + "."
                        + format.extension();
        return new Export(
                format, fileName, out -> write(id, requestedBy, format, filter, out, clientGone));
    }

    /** Thrown when the client closed the connection before the export's end. */
    static final class ClientGone extends IOException {
        ClientGone() {
            super("the client closed the connection");
        }
    }

    /**
     * The response, refusing every write once the client has gone away: the export then stops
     * reading the register and is recorded as failed, rather than streaming the rest to nowhere and
     * being recorded as completed. Asked per chunk the row writer hands on, not per row.
     */
    private static final class ToClient extends FilterOutputStream {

        private final BooleanSupplier gone;

        ToClient(OutputStream out, BooleanSupplier gone) {
            super(out);
            this.gone = gone;
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            check();
            out.flush();
        }

        @Override
        public void close() {
            // the response is the framework's to end
        }

        private void check() throws ClientGone {
            if (gone.getAsBoolean()) {
                throw new ClientGone();
            }
        }
    }

    private void write(
            UUID id,
            String requestedBy,
            ExportFormat format,
            AssetFilter filter,
            OutputStream response,
            BooleanSupplier gone)
            throws IOException {
        long started = System.nanoTime();
        long[] rows = {0};
        OutputStream out = new ToClient(response, gone);
        try {
            QuarkusTransaction.requiringNew()
                    .timeout((int) config.transactionTimeout().toSeconds())
                    .run(() -> stream(format, filter, out, rows));
        } catch (RuntimeException e) {
            IOException io = ioCause(e);
            // noticed by ToClient, or by the server's own stream (a write refused after the close)
            boolean clientGone = io instanceof ClientGone || io != null && gone.getAsBoolean();
            log.finished(
                    id,
                    clientGone
                            ? ExportRecord.Failure.CLIENT_DISCONNECTED
                            : ExportRecord.Failure.SERVER_ERROR,
                    rows[0]);
            if (clientGone) {
                LOG.infof(
                        "Export %s by %s broken off by the client after %d rows",
                        id, requestedBy, rows[0]);
            } else {
                LOG.warnf(
                        "Export %s by %s failed after %d rows: %s",
                        id, requestedBy, rows[0], e.toString());
            }
            if (io != null) {
                throw io; // the framework cuts the connection
            }
            throw e;
        }
        log.finished(id, null, rows[0]);
        long ms = (System.nanoTime() - started) / 1_000_000;
        LOG.infof(
                "Export %s by %s (%s, filters %s): %d rows in %d ms",
                id, requestedBy, format.extension(), filter.given(), rows[0], ms);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
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
