package io.custodian.asset.compliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The controls' rules as set-based, read-only SQL over the register, the directory, acceptable use,
 * off-boarding and policy exceptions. Each control is one evaluation query that gives every member
 * of its population with the reasons it fails (none: it passes) and the exception that excuses it;
 * the counts, the failing and excepted items, the sample and the non-compliant devices report are
 * all read from that one query, so a rule is written once. Nothing here loads a population: the
 * database counts, orders and limits.
 */
@ApplicationScoped
class ControlSearch {

    private final AgroalDataSource dataSource;

    ControlSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What a control is evaluated over: the time it is evaluated at, the company's zone and date,
     * the period (inclusive dates, either end open), and the group or holder it is narrowed to.
     */
    record Scope(
            Instant now,
            ZoneId zone,
            LocalDate from,
            LocalDate to,
            UUID group,
            UUID holder,
            long acknowledgementSeconds,
            long postureSeconds,
            int graceDays,
            long notificationSeconds,
            List<String> notified) {

        LocalDate today() {
            return LocalDate.ofInstant(now, zone);
        }

        Instant startOf(LocalDate day) {
            return day.atStartOfDay(zone).toInstant();
        }
    }

    /** One member of a control's population, evaluated. */
    record Row(
            String id,
            String type,
            String label,
            List<String> reasons,
            UUID exceptionId,
            LocalDate exceptionUntil,
            UUID holderId,
            String holderEmail,
            String ownerType,
            UUID ownerId,
            String ownerName) {

        boolean excepted() {
            return !reasons.isEmpty() && exceptionId != null;
        }

        boolean failing() {
            return !reasons.isEmpty() && exceptionId == null;
        }
    }

    record Counts(long population, long failing, long excepted) {}

    /** One evidence row of a sampled item: what happened, when, by whom. */
    record Evidence(String type, Instant at, String by, String detail) {}

    /** Which of a control's evaluated rows to read. */
    enum Selection {
        FAILING("cardinality(e.reasons) > 0 and e.exception_id is null"),
        EXCEPTED("cardinality(e.reasons) > 0 and e.exception_id is not null");

        final String condition;

        Selection(String condition) {
            this.condition = condition;
        }
    }

    /** The population's counts, the sum of each part's (see {@link ControlQueries#parts}). */
    Counts counts(Control control, Scope scope) {
        long population = 0;
        long failing = 0;
        long excepted = 0;
        for (ControlQueries.Query part : ControlQueries.parts(control, scope)) {
            Counts counts =
                    new ControlQueries.Query(
                                    "select count(*), count(*) filter (where "
                                            + Selection.FAILING.condition
                                            + "), count(*) filter (where "
                                            + Selection.EXCEPTED.condition
                                            + ") from ("
                                            + part.sql
                                            + ") e",
                                    part.params)
                            .read(
                                    rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                                    dataSource)
                            .get(0);
            population += counts.population();
            failing += counts.failing();
            excepted += counts.excepted();
        }
        return new Counts(population, failing, excepted);
    }

    /**
     * The failing (or excepted) rows, by label, at most {@code limit} after the first {@code skip}:
     * each part's first {@code skip + limit}, merged.
     */
    List<Row> rows(Control control, Scope scope, Selection selection, int skip, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (ControlQueries.Query part : ControlQueries.parts(control, scope)) {
            pages.add(
                    "(select e.* from ("
                            + part.sql
                            + ") e where "
                            + selection.condition
                            + " order by e.label, e.id limit ?)");
            params.addAll(part.params);
            params.add((long) skip + limit);
        }
        params.add(limit);
        params.add(skip);
        return new ControlQueries.Query(
                        "select u.* from ("
                                + String.join(" union all ", pages)
                                + ") u order by u.label, u.id limit ? offset ?",
                        params)
                .read(ControlSearch::row, dataSource);
    }

    /**
     * {@code size} members of the population drawn by the seed: ordered by a hash of the seed and
     * each member's id, so the same seed over the same data draws the same members, another seed
     * others, and adding a member moves no other one.
     */
    List<Row> sample(Control control, Scope scope, int size, String seed) {
        ControlQueries.Query eval = ControlQueries.evaluation(control, scope);
        List<Object> params = new ArrayList<>();
        params.add(seedKey(seed));
        params.addAll(eval.params);
        params.add(size);
        // PostgreSQL's seeded 64-bit hash of the id: a cheap draw over a million rows (an md5
        // text sorts several times slower)
        return new ControlQueries.Query(
                        "select e.* from (select hashtextextended(x.id, ?) as draw, x.* from ("
                                + eval.sql
                                + ") x) e order by e.draw, e.id limit ?",
                        params)
                .read(ControlSearch::row, dataSource);
    }

    /** The seed as the hash's 64-bit key: the first 8 bytes of its SHA-256. */
    static long seedKey(String seed) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256")
                            .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(digest).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records that show how a sampled member came to pass or fail. */
    List<Evidence> evidence(Row row) {
        ControlQueries.Query q =
                switch (row.type()) {
                    case "asset" ->
                            new ControlQueries.Query(
                                    "select * from (select 'history' as type, r.at, r.actor,"
                                        + " 'revision ' || r.rev || ': ' || case aa.revtype when 0"
                                        + " then 'created' when 1 then 'updated' else 'deleted' end"
                                        + " || coalesce(', posture reported by ' ||"
                                        + " aa.posture_source, '') as detail from asset_aud aa join"
                                        + " revinfo r on r.rev = aa.rev where aa.id = ?::uuid order"
                                        + " by r.rev desc limit 20) h union all select * from"
                                        + " (select 'verification', v.verified_at, v.verified_by,"
                                        + " coalesce(v.note, 'verified') from asset_verification v"
                                        + " where v.asset_id = ?::uuid order by v.verified_at desc"
                                        + " limit 5) v union all select 'exception', pe.decided_at,"
                                        + " pe.decided_by, 'exception ' || pe.id || ' (' ||"
                                        + " lower(pe.clause) || ') approved until ' ||"
                                        + " pe.valid_until from policy_exception pe where pe.id ="
                                        + " ?",
                                    List.of(row.id(), row.id(), nullable(row.exceptionId())));
                    case "person" ->
                            new ControlQueries.Query(
                                    "select 'acknowledgement', k.acknowledged_at, p.email,"
                                        + " 'acknowledged acceptable-use version ' || v.version"
                                        + " from acceptable_use_ack k join acceptable_use_version v"
                                        + " on v.id = k.version_id join person p on p.id ="
                                        + " k.person_id where k.person_id = ?::uuid order by"
                                        + " k.acknowledged_at desc limit 10",
                                    List.of(row.id()));
                    case "incident" ->
                            new ControlQueries.Query(
                                    "select 'incident', i.reported_at, i.reported_by, lower(i.kind)"
                                        + " || ' reported ' || i.reporting_delay_seconds / 60 || '"
                                        + " min after it happened' from incident i where i.id ="
                                        + " ?::uuid union all (select 'delivery', d.delivered_at,"
                                        + " d.recipient, d.channel || ' to ' ||"
                                        + " coalesce(d.recipient_name || ' ', '') || d.recipient ||"
                                        + " coalesce(', Message-ID ' || d.message_id, '') || ', '"
                                        + " || d.attempts || ' attempt(s)' from incident i join"
                                        + " alert_delivery d on d.event_id = i.alert_event_id::text"
                                        + " where i.id = ?::uuid order by d.delivered_at)",
                                    List.of(row.id(), row.id()));
                    case "offboarding" ->
                            new ControlQueries.Query(
                                    "select 'offboarding', o.started_at, o.started_by, 'started,"
                                        + " last working day ' || o.last_working_day from"
                                        + " offboarding o where o.id = ?::uuid union all (select"
                                        + " 'offboarding-item', i.closed_at, i.closed_by,"
                                        + " lower(replace(i.kind, '_', ' ')) || ' of ' ||"
                                        + " a.asset_tag || ': ' || lower(i.status) || coalesce(' ('"
                                        + " || i.waiver_reason || ')', '') from offboarding_item i"
                                        + " join asset a on a.id = i.asset_id where"
                                        + " i.offboarding_id = ?::uuid order by a.asset_tag,"
                                        + " i.kind)",
                                    List.of(row.id(), row.id()));
                    default ->
                            new ControlQueries.Query(
                                    "select 'posture-report', d.last_reported_at, d.source,"
                                            + " 'reported in batch ' || d.last_batch_id || ', first"
                                            + " reported ' || d.first_reported_at from"
                                            + " unregistered_device d where d.serial_number = ?",
                                    List.of(row.id()));
                };
        return q.read(
                rs ->
                        new Evidence(
                                rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4)),
                dataSource);
    }

    // --- the rules ---------------------------------------------------------------------------

    private static Row row(ResultSet rs) throws SQLException {
        Array reasons = rs.getArray("reasons");
        String[] values = reasons == null ? new String[0] : (String[]) reasons.getArray();
        java.sql.Date until = rs.getDate("exception_until");
        return new Row(
                rs.getString("id"),
                rs.getString("type"),
                rs.getString("label"),
                List.copyOf(Arrays.asList(values)),
                rs.getObject("exception_id", UUID.class),
                until == null ? null : until.toLocalDate(),
                rs.getObject("holder_id", UUID.class),
                rs.getString("holder_email"),
                rs.getString("owner_type"),
                rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Object nullable(UUID id) {
        return id == null ? new UUID(0, 0) : id;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
