package io.custodian.asset.inventory;

import io.custodian.api.event.DiscrepancyReported;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.VerificationDue;
import io.custodian.asset.jobs.ClusterLock;
import io.custodian.asset.outbox.Outbox;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The up-to-date inventory: the holder or owner attests an asset periodically (cadence
 * configurable, default 90 days), and a daily job reminds them, once per due date, through an
 * {@code asset.verification.due} event.
 */
@ApplicationScoped
class Verifications {

    private static final Logger LOG = Logger.getLogger(Verifications.class);
    private static final int REMINDER_BATCH = 500;

    /** Statuses in which the register already says nobody has the asset. */
    private static final List<AssetStatus> UNHELD =
            List.of(
                    AssetStatus.DISPOSED,
                    AssetStatus.RETIRED,
                    AssetStatus.LOST,
                    AssetStatus.STOLEN);

    private final InventoryConfig config;
    private final ClusterLock jobs;
    private final Outbox outbox;
    private final Clock clock;

    Verifications(InventoryConfig config, Outbox outbox, Clock clock, ClusterLock jobs) {
        this.jobs = jobs;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    record Attestation(@FreeText @Size(max = 1000) String note) {}

    /** What the holder or owner says with "I don't have this". */
    record DiscrepancyNote(@FreeText @Size(max = 1000) String note) {}

    /**
     * The holder, the owner (or a member of the owning group), or an admin attests the asset; an
     * open discrepancy is settled by it.
     */
    @Transactional
    AssetView attest(UUID assetId, @Valid Attestation attestation, Caller caller) {
        Asset asset = attestable(assetId, caller);
        Instant now = Instant.now(clock);
        Verification verification = new Verification();
        verification.id = UUID.randomUUID();
        verification.asset = asset;
        verification.verifiedAt = now;
        verification.verifiedBy = caller.email();
        verification.note = attestation == null ? null : attestation.note();
        verification.persist();
        asset.lastVerifiedAt = now;
        asset.nextVerificationDue = now.plus(config.cadence());
        asset.settleDiscrepancy();
        asset.updatedAt = now;
        asset.persistAndFlush();
        return AssetView.of(asset);
    }

    /**
     * "I don't have this": the holder, the owner (or a member of the owning group), or an admin
     * says the register is wrong about the asset. It stays open on the asset and IT is alerted
     * ({@code asset.discrepancy.reported}) once: saying it again while open changes nothing. 409
     * for an asset that is already reported lost or stolen, or retired or disposed of.
     */
    @Transactional
    AssetView reportDiscrepancy(UUID assetId, @Valid DiscrepancyNote body, Caller caller) {
        Asset asset = attestable(assetId, caller);
        if (UNHELD.contains(asset.status)) {
            throw ProblemException.conflict(
                    "Asset "
                            + asset.assetTag
                            + " is "
                            + LowerCaseEnums.of(asset.status)
                            + ": the register already says nobody has it.",
                    "status",
                    "must not be lost, stolen, retired or disposed");
        }
        if (asset.discrepancyReportedAt != null) {
            return AssetView.of(asset);
        }
        // as stored (PostgreSQL keeps microseconds): the answer, the event and a later read agree
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        asset.discrepancyReportedAt = now;
        asset.discrepancyReportedBy = caller.email();
        asset.discrepancyNote = body == null ? null : body.note();
        asset.updatedAt = now;
        asset.persistAndFlush();
        outbox.append(
                "asset",
                asset.id,
                EventTypes.DISCREPANCY_REPORTED,
                "assets/" + asset.id,
                new DiscrepancyReported(
                        asset.id,
                        asset.assetTag,
                        asset.name,
                        LowerCaseEnums.of(asset.category),
                        LowerCaseEnums.of(asset.classification),
                        LowerCaseEnums.of(asset.status),
                        now,
                        caller.email(),
                        asset.discrepancyNote,
                        EventParties.owner(asset),
                        EventParties.holder(asset)));
        return AssetView.of(asset);
    }

    /** The asset, if the caller is its holder, its owner (or in the owning group), or an admin. */
    private static Asset attestable(UUID assetId, Caller caller) {
        Asset asset =
                Asset.<Asset>findByIdOptional(assetId)
                        .orElseThrow(() -> ProblemException.notFound("asset", assetId));
        if (!caller.actsOnAnyAsset() && !asset.isHeldOrOwnedBy(caller.email())) {
            if (!caller.readsEverything()) {
                throw ProblemException.notFound("asset", assetId);
            }
            throw ProblemException.forbidden("Only its holder, its owner or IT attest an asset.");
        }
        return asset;
    }

    /** Daily: one reminder per asset and due date, for assets still in the company's hands. */
    @Scheduled(
            cron = "${custodian.verification.reminder-cron}",
            timeZone = "${custodian.time-zone}",
            identity = "verification-reminders")
    void remindDaily() {
        jobs.drainJob(
                "verification-reminders",
                this::remindBatch,
                REMINDER_BATCH,
                LOG,
                "Sent %d verification reminders");
    }

    /** One batch of reminders in one transaction; returns how many were sent. */
    @Transactional
    int remindBatch() {
        Instant now = Instant.now(clock);
        List<Asset> due =
                Asset.<Asset>find(
                                "from Asset a left join fetch a.holder left join fetch"
                                        + " a.ownerPerson left join fetch a.ownerGroup where"
                                        + " a.nextVerificationDue <= ?1 and a.status not in ?2 and"
                                        + " (a.verificationRemindedFor is null or"
                                        + " a.verificationRemindedFor <> a.nextVerificationDue)",
                                now,
                                UNHELD)
                        .page(0, REMINDER_BATCH)
                        .list();
        for (Asset asset : due) {
            asset.verificationRemindedFor = asset.nextVerificationDue;
            outbox.append(
                    "asset",
                    asset.id,
                    EventTypes.VERIFICATION_DUE,
                    "assets/" + asset.id,
                    new VerificationDue(
                            asset.id,
                            asset.assetTag,
                            asset.name,
                            LowerCaseEnums.of(asset.category),
                            LowerCaseEnums.of(asset.classification),
                            asset.lastVerifiedAt,
                            asset.nextVerificationDue,
                            asset.nextVerificationDue.isBefore(now),
                            EventParties.owner(asset),
                            EventParties.holder(asset)));
        }
        return due.size();
    }
}
