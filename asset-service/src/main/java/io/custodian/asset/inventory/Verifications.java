package io.custodian.asset.inventory;

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

    /** The holder, the owner (or a member of the owning group), or an admin attests the asset. */
    @Transactional
    AssetView attest(UUID assetId, @Valid Attestation attestation, Caller caller) {
        Asset asset =
                Asset.<Asset>findByIdOptional(assetId)
                        .orElseThrow(() -> ProblemException.notFound("asset", assetId));
        if (!caller.actsOnAnyAsset() && !asset.isHeldOrOwnedBy(caller.email())) {
            if (!caller.readsEverything()) {
                throw ProblemException.notFound("asset", assetId);
            }
            throw ProblemException.forbidden("Only its holder, its owner or IT attest an asset.");
        }
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
        asset.updatedAt = now;
        asset.persistAndFlush();
        return AssetView.of(asset);
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
                                List.of(
                                        AssetStatus.DISPOSED,
                                        AssetStatus.RETIRED,
                                        AssetStatus.LOST,
                                        AssetStatus.STOLEN))
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
