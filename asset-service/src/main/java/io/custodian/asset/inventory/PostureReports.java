package io.custodian.asset.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Problem.FieldError;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Device posture from the MDM (issue 20): a batch of reports keyed by serial number sets each known
 * endpoint's posture (with its history, in one revision by the caller), records when and by which
 * source it was reported, and records the serial numbers the register does not know as unregistered
 * devices. A batch is all or nothing: one invalid report is a 422 naming its row and field and
 * nothing of the batch is written. Idempotent per batch id.
 */
@ApplicationScoped
public class PostureReports {

    static final int MAX_REPORTS = 10_000;

    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    private static final int CHUNK = 1000;

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    PostureReports(EntityManager em, Caller caller, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    /** One device's report, as the JSON body or a CSV row gives it. */
    public record Report(
            String serialNumber,
            Boolean diskEncrypted,
            Boolean mdmEnrolled,
            Boolean screenLock,
            String osVersion,
            Instant lastCheckIn,
            String source) {}

    /** The JSON body: the batch id and its reports. */
    record Batch(String batchId, List<Report> reports) {}

    /** The reports of a batch and how each row is named in a problem ({@code reports[2]}). */
    record Rows(List<Report> reports, List<String> names) {
        static Rows ofJson(List<Report> reports) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                names.add("reports[" + i + "]");
            }
            return new Rows(reports, names);
        }
    }

    /** What a batch did (or, replayed, what it did the first time). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(
            String batchId,
            boolean replayed,
            Instant receivedAt,
            int reports,
            int updated,
            int unregistered,
            List<String> unregisteredSerialNumbers) {}

    /** A device the register does not know, as the MDM last reported it. */
    public record Unregistered(
            String serialNumber,
            String source,
            boolean diskEncrypted,
            boolean mdmEnrolled,
            boolean screenLock,
            String osVersion,
            Instant lastCheckInAt,
            Instant firstReportedAt,
            Instant lastReportedAt) {}

    /** A JSON batch. */
    @Transactional
    Outcome receive(Batch batch) {
        if (batch == null) {
            throw ProblemException.invalid("body", "must be a batch of reports");
        }
        return receive(
                batch.batchId(),
                batch.reports() == null ? new Rows(null, List.of()) : Rows.ofJson(batch.reports()));
    }

    /** A CSV batch with a header line, its id given apart (the query's {@code batchId}). */
    @Transactional
    Outcome receiveCsv(String batchId, InputStream body) {
        return receive(
                batchId, PostureCsv.read(new InputStreamReader(body, StandardCharsets.UTF_8)));
    }

    @Transactional
    Outcome receive(String batchId, Rows rows) {
        List<FieldError> errors = new ArrayList<>();
        if (batchId == null || batchId.isBlank()) {
            errors.add(new FieldError("batchId", "must not be blank"));
        } else if (!BATCH_ID.matcher(batchId).matches()) {
            errors.add(
                    new FieldError(
                            "batchId",
                            "must be 1 to 200 letters, digits and . _ : - (starting with a letter"
                                    + " or digit)"));
        }
        if (rows.reports() == null || rows.reports().isEmpty()) {
            errors.add(new FieldError("reports", "must hold at least one report"));
        } else if (rows.reports().size() > MAX_REPORTS) {
            errors.add(new FieldError("reports", "must hold at most " + MAX_REPORTS + " reports"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // stored to the microsecond: a replay answers the time exactly as the first answer did
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Report> reports = PostureValidation.validated(rows, now);
        String digest = digest(reports);

        // two deliveries of one batch at once: the second waits here and then sees the first
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:id))")
                .setParameter("id", "posture-batch:" + batchId)
                .getSingleResult();
        PostureBatch seen = PostureBatch.findById(batchId);
        if (seen != null) {
            if (!seen.digest.equals(digest)) {
                throw ProblemException.conflict(
                        "Batch "
                                + batchId
                                + " was received on "
                                + seen.receivedAt
                                + " with other reports; a batch id names one batch.",
                        "batchId",
                        "already used for another batch");
            }
            return new Outcome(
                    seen.id,
                    true,
                    seen.receivedAt,
                    seen.reports,
                    seen.updated,
                    seen.unregistered,
                    null);
        }

        Map<String, List<Asset>> known = assetsBySerial(reports);
        errors = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            List<Asset> matches = known.getOrDefault(reports.get(i).serialNumber(), List.of());
            String field = rows.names().get(i) + ".serialNumber";
            if (matches.size() > 1) {
                errors.add(
                        new FieldError(
                                field,
                                "matches "
                                        + matches.size()
                                        + " assets ("
                                        + String.join(
                                                ", ",
                                                matches.stream().map(a -> a.assetTag).toList())
                                        + "); give each a distinct serial number"));
            } else if (matches.size() == 1 && !matches.get(0).category.isEndpoint()) {
                errors.add(
                        new FieldError(
                                field,
                                "is asset "
                                        + matches.get(0).assetTag
                                        + ", not an endpoint device (laptop, desktop, phone,"
                                        + " tablet): only those have a posture"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }

        int updated = 0;
        List<String> unknown = new ArrayList<>();
        for (Report report : reports) {
            List<Asset> matches = known.get(report.serialNumber());
            if (matches == null) {
                unknown.add(report.serialNumber());
                recordUnregistered(report, batchId, now);
                continue;
            }
            Asset asset = matches.get(0);
            asset.diskEncrypted = report.diskEncrypted();
            asset.mdmEnrolled = report.mdmEnrolled();
            asset.screenLock = report.screenLock();
            asset.osVersion = report.osVersion();
            asset.lastCheckInAt = report.lastCheckIn();
            asset.postureReportedAt = now;
            asset.postureSource = report.source();
            asset.updatedAt = now;
            updated++;
        }
        PostureBatch batch = new PostureBatch();
        batch.id = batchId;
        batch.digest = digest;
        batch.receivedAt = now;
        batch.receivedBy = caller.email();
        batch.reports = reports.size();
        batch.updated = updated;
        batch.unregistered = unknown.size();
        batch.persist();
        em.flush();
        return new Outcome(
                batchId, false, now, reports.size(), updated, unknown.size(), List.copyOf(unknown));
    }

    public record UnregisteredList(List<Unregistered> items) {}

    /**
     * The devices the MDM reported and the register does not know (no asset has their serial
     * number), by serial number; {@code serialNumber} picks one.
     */
    @Transactional
    public UnregisteredList unregistered(Map<String, List<String>> params) {
        Keyset.onlyKnown(params, Set.of("serialNumber"));
        String serial = QueryParameters.once(params, "serialNumber");
        String query =
                "from UnregisteredDevice d where not exists (select 1 from Asset a"
                        + " where a.serialNumber = d.serialNumber)";
        List<UnregisteredDevice> devices =
                serial == null
                        ? UnregisteredDevice.<UnregisteredDevice>find(
                                        query + " order by d.serialNumber")
                                .page(0, Keyset.limit(params))
                                .list()
                        : UnregisteredDevice.<UnregisteredDevice>find(
                                        query + " and d.serialNumber = ?1", serial.strip())
                                .list();
        return new UnregisteredList(
                devices.stream()
                        .map(
                                d ->
                                        new Unregistered(
                                                d.serialNumber,
                                                d.source,
                                                d.diskEncrypted,
                                                d.mdmEnrolled,
                                                d.screenLock,
                                                d.osVersion,
                                                d.lastCheckInAt,
                                                d.firstReportedAt,
                                                d.lastReportedAt))
                        .toList());
    }

    private Map<String, List<Asset>> assetsBySerial(List<Report> reports) {
        Map<String, List<Asset>> bySerial = new LinkedHashMap<>();
        List<String> serials = reports.stream().map(Report::serialNumber).toList();
        for (int from = 0; from < serials.size(); from += CHUNK) {
            List<String> chunk = serials.subList(from, Math.min(serials.size(), from + CHUNK));
            for (Asset a : Asset.<Asset>list("serialNumber in ?1 order by assetTag", chunk)) {
                bySerial.computeIfAbsent(a.serialNumber, s -> new ArrayList<>()).add(a);
            }
        }
        return bySerial;
    }

    /** Upserted by serial number: the first report's time is kept, the rest is the latest. */
    private void recordUnregistered(Report report, String batchId, Instant now) {
        em.createNativeQuery(
                        "insert into unregistered_device (serial_number, source, disk_encrypted,"
                                + " mdm_enrolled, screen_lock, os_version, last_check_in_at,"
                                + " first_reported_at, last_reported_at, last_batch_id) values"
                                + " (:serial, :source, :encrypted, :enrolled, :lock, :os, :checkIn,"
                                + " :now, :now, :batch) on conflict (serial_number) do update set"
                                + " source = excluded.source, disk_encrypted ="
                                + " excluded.disk_encrypted, mdm_enrolled = excluded.mdm_enrolled,"
                                + " screen_lock = excluded.screen_lock, os_version ="
                                + " excluded.os_version, last_check_in_at ="
                                + " excluded.last_check_in_at, last_reported_at ="
                                + " excluded.last_reported_at, last_batch_id ="
                                + " excluded.last_batch_id")
                .unwrap(NativeQuery.class)
                .setParameter("serial", report.serialNumber())
                .setParameter("source", report.source())
                .setParameter("encrypted", report.diskEncrypted())
                .setParameter("enrolled", report.mdmEnrolled())
                .setParameter("lock", report.screenLock())
                // typed: an absent OS version is a null of text, not of an unknown type
                .setParameter("os", report.osVersion(), StandardBasicTypes.STRING)
                .setParameter("checkIn", report.lastCheckIn())
                .setParameter("now", now)
                .setParameter("batch", batchId)
                .executeUpdate();
    }

    /** SHA-256 of the reports as read: the same batch sent as JSON or as CSV has one digest. */
    private static String digest(List<Report> reports) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Report r : reports) {
                String line =
                        String.join(
                                        "\u001f",
                                        r.serialNumber(),
                                        String.valueOf(r.diskEncrypted()),
                                        String.valueOf(r.mdmEnrolled()),
                                        String.valueOf(r.screenLock()),
                                        String.valueOf(r.osVersion()),
                                        r.lastCheckIn().toString(),
                                        r.source())
                                + "\n";
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
