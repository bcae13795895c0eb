package io.custodian.asset.incident;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.EventParties;
import io.custodian.asset.inventory.Inventory;
import io.custodian.asset.outbox.Outbox;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Loss and theft: one call records the incident, marks the asset and stores the alert event. */
@ApplicationScoped
class Incidents {

    private final Inventory inventory;
    private final Outbox outbox;
    private final IncidentConfig config;
    private final Clock clock;

    Incidents(Inventory inventory, Outbox outbox, IncidentConfig config, Clock clock) {
        this.inventory = inventory;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @jakarta.inject.Inject jakarta.enterprise.event.Event<AssetReportedMissing> missing;

    record Report(
            UUID assetId,
            @Size(min = 1, max = 64) String assetTag,
            @NotNull Incident.Kind kind,
            @NotNull Instant occurredAt,
            @Size(max = 500) String location,
            @Size(max = 4000) String circumstances,
            @Size(max = 200) String policeReference) {}

    /**
     * In one transaction: the incident row, the asset's status change (holder kept) and the outbox
     * event. Employees report devices they hold or own; admins and leadership report any.
     */
    @Transactional
    Incident report(@NotNull @Valid Report report, Caller caller) {
        Instant now = Instant.now(clock);
        if (report.occurredAt().isAfter(now.plus(config.clockSkew()))) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        Asset asset = inventory.byIdOrTag(report.assetId(), report.assetTag());
        if (!caller.actsOnAnyAsset() && !asset.isHeldOrOwnedBy(caller.email())) {
            throw ProblemException.forbidden(
                    "You can report only devices you hold or own; ask IT to report asset "
                            + asset.assetTag
                            + ".");
        }

        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.kind = report.kind();
        incident.status = Incident.Status.OPEN;
        incident.asset = asset;
        incident.previousAssetStatus = asset.status;
        incident.occurredAt = report.occurredAt();
        incident.reportedAt = now;
        Duration delay = Duration.between(report.occurredAt(), now);
        incident.reportingDelaySeconds = Math.max(0, delay.toSeconds());
        incident.late = delay.compareTo(config.lateAfter()) > 0;
        incident.location = report.location();
        incident.circumstances = report.circumstances();
        incident.policeReference = report.policeReference();
        incident.reportedBy = caller.email();

        inventory.transition(asset, report.kind().assetStatus());
        incident.persist();
        missing.fire(new AssetReportedMissing(asset.id, incident.id));
        outbox.append(
                "asset",
                asset.id,
                EventTypes.INCIDENT_REPORTED,
                "assets/" + asset.id,
                event(incident, asset));
        return incident;
    }

    Incident read(UUID id, Caller caller) {
        Incident incident =
                Incident.<Incident>findByIdOptional(id)
                        .orElseThrow(() -> ProblemException.notFound("incident", id));
        if (!caller.readsEverything() && !incident.reportedBy.equals(caller.email())) {
            throw ProblemException.notFound("incident", id);
        }
        return incident;
    }

    private static IncidentReported event(Incident incident, Asset asset) {
        return new IncidentReported(
                incident.id,
                LowerCaseEnums.of(incident.kind),
                incident.occurredAt,
                incident.reportedAt,
                incident.reportingDelaySeconds,
                incident.late,
                incident.location,
                incident.circumstances,
                incident.policeReference,
                incident.reportedBy,
                new IncidentReported.Asset(
                        asset.id,
                        asset.assetTag,
                        asset.name,
                        LowerCaseEnums.of(asset.category),
                        LowerCaseEnums.of(asset.classification),
                        asset.serialNumber,
                        LowerCaseEnums.of(incident.previousAssetStatus)),
                EventParties.owner(asset),
                EventParties.holder(asset));
    }
}
