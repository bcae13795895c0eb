package io.custodian.asset.compliance;

import io.agroal.api.AgroalDataSource;
import io.custodian.api.event.ControlFailing;
import io.custodian.api.event.EventTypes;
import io.custodian.asset.jobs.ClusterLock;
import io.custodian.asset.outbox.Outbox;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.QueryParameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The daily snapshot of every control's status and counts ({@code compliance_snapshot}, the only
 * table this feature owns): the trend over a period, and {@code compliance.control.failing} when a
 * control's snapshot fails where the one before it passed. One snapshot per control and day
 * (company zone): a second run that day keeps the first, so a restart or another replica alerts
 * nobody twice.
 */
@ApplicationScoped
class ControlSnapshots {

    private static final Logger LOG = Logger.getLogger(ControlSnapshots.class);

    /** How many failing items an alert lists. */
    static final int LISTED = 10;

    private static final int DEFAULT_DAYS = 90;
    private static final int MAX_DAYS = 367;
    private static final Set<String> TREND_PARAMETERS = Set.of("control", "from", "to");

    private final Controls controls;
    private final Outbox outbox;
    private final ClusterLock jobs;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    ControlSnapshots(
            Controls controls,
            Outbox outbox,
            ClusterLock jobs,
            AgroalDataSource dataSource,
            Clock clock) {
        this.controls = controls;
        this.outbox = outbox;
        this.jobs = jobs;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One control's counts on one day. */
    record Snapshot(
            LocalDate day,
            String controlId,
            String status,
            long population,
            long passing,
            long failing,
            long excepted,
            Instant takenAt) {}

    record Trend(LocalDate from, LocalDate to, List<Snapshot> items) {}

    /** Daily, alone across the replicas. */
    @Scheduled(
            cron = "${custodian.compliance.snapshot-cron}",
            timeZone = "${custodian.time-zone}",
            identity = "compliance-snapshots")
    void snapshotDaily() {
        jobs.runJob(
                "compliance-snapshots",
                () -> {
                    List<String> turned = take();
                    LOG.infof(
                            "Compliance snapshot taken; turned failing: %s",
                            turned.isEmpty() ? "none" : String.join(", ", turned));
                });
    }

    /**
     * Today's snapshot of every control, unless one was taken today, in one transaction with the
     * events of the controls that turned failing; returns their ids.
     */
    @Transactional
    List<String> take() {
        Controls.Overview now = controls.all(Map.of("limit", List.of(String.valueOf(LISTED))));
        LocalDate day = LocalDate.ofInstant(now.asOf(), clock.getZone());
        Instant takenAt = now.asOf().truncatedTo(ChronoUnit.MICROS);
        List<String> turned = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Controls.Result result : now.controls()) {
                if (!insert(connection, day, result, takenAt)) {
                    continue; // taken today already
                }
                Snapshot before = previous(connection, result.id(), day);
                if ("failing".equals(result.status())
                        && before != null
                        && "passing".equals(before.status())) {
                    outbox.append(
                            "compliance-control",
                            key(result.id()),
                            EventTypes.CONTROL_FAILING,
                            "compliance/controls/" + result.id(),
                            failing(result, day, before.day()));
                    turned.add(result.id());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("compliance snapshot could not be written", e);
        }
        return turned;
    }

    /** The snapshots of a period (by default the last 90 days), oldest first, then by control. */
    @Transactional
    Trend trend(Map<String, List<String>> params) {
        Keyset.onlyKnown(params, TREND_PARAMETERS);
        String control = QueryParameters.once(params, "control");
        if (control != null && Control.byId(control).isEmpty()) {
            throw ProblemException.notFound("control", control);
        }
        LocalDate to = Controls.date(params, "to");
        LocalDate from = Controls.date(params, "from");
        LocalDate today = LocalDate.now(clock);
        if (to == null) {
            LocalDate end = from == null ? today : from.plusDays(DEFAULT_DAYS - 1);
            to = end.isAfter(today) ? today : end;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        if (to.isBefore(from)) {
            throw QueryParameters.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw QueryParameters.invalid("to", "at most 366 days after from");
        }
        String sql =
                "select day, control_id, status, population, passing, failing, excepted, taken_at"
                        + " from compliance_snapshot where day between ? and ?"
                        + (control == null ? "" : " and control_id = ?")
                        + " order by day, control_id";
        List<Snapshot> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            if (control != null) {
                statement.setString(3, control);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(snapshot(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("compliance trend could not be read", e);
        }
        return new Trend(from, to, items);
    }

    /** The last {@code days} days' snapshots, by control (one control, or all when null). */
    Map<String, List<Snapshot>> recent(String control, int days) {
        LocalDate today = LocalDate.now(clock);
        Map<String, List<String>> params = new java.util.HashMap<>();
        params.put("from", List.of(today.minusDays(days - 1L).toString()));
        params.put("to", List.of(today.toString()));
        if (control != null) {
            params.put("control", List.of(control));
        }
        Map<String, List<Snapshot>> byControl = new java.util.LinkedHashMap<>();
        for (Snapshot snapshot : trend(params).items()) {
            byControl.computeIfAbsent(snapshot.controlId(), c -> new ArrayList<>()).add(snapshot);
        }
        return byControl;
    }

    private static boolean insert(
            Connection connection, LocalDate day, Controls.Result result, Instant takenAt)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "insert into compliance_snapshot (day, control_id, status, population,"
                                + " passing, failing, excepted, taken_at) values (?, ?, ?, ?, ?,"
                                + " ?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, day);
            insert.setString(2, result.id());
            insert.setString(3, result.status());
            insert.setLong(4, result.population());
            insert.setLong(5, result.passing());
            insert.setLong(6, result.failing());
            insert.setLong(7, result.excepted());
            insert.setTimestamp(8, Timestamp.from(takenAt));
            return insert.executeUpdate() == 1;
        }
    }

    private static Snapshot previous(Connection connection, String controlId, LocalDate day)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select day, control_id, status, population, passing, failing, excepted,"
                                + " taken_at from compliance_snapshot where control_id = ? and"
                                + " day < ? order by day desc limit 1")) {
            select.setString(1, controlId);
            select.setObject(2, day);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? snapshot(rs) : null;
            }
        }
    }

    private static Snapshot snapshot(ResultSet rs) throws SQLException {
        return new Snapshot(
                rs.getObject("day", LocalDate.class),
                rs.getString("control_id"),
                rs.getString("status"),
                rs.getLong("population"),
                rs.getLong("passing"),
                rs.getLong("failing"),
                rs.getLong("excepted"),
                rs.getObject("taken_at", OffsetDateTime.class).toInstant());
    }

    private static ControlFailing failing(
            Controls.Result result, LocalDate day, LocalDate lastPassingDay) {
        return new ControlFailing(
                result.id(),
                result.title(),
                result.rule(),
                day,
                result.asOf(),
                lastPassingDay,
                result.population(),
                result.passing(),
                result.failing(),
                result.excepted(),
                result.failingItems().stream()
                        .limit(LISTED)
                        .map(i -> new ControlFailing.Item(i.id(), i.type(), i.label(), i.reasons()))
                        .toList(),
                result.failing() > Math.min(LISTED, result.failingItems().size()));
    }

    /** The events of one control share a key, so they stay in order. */
    static UUID key(String controlId) {
        return UUID.nameUUIDFromBytes(
                ("compliance-control:" + controlId).getBytes(StandardCharsets.UTF_8));
    }
}
