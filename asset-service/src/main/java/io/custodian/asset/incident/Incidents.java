package io.custodian.asset.incident;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentClosed;
import io.custodian.api.event.IncidentContained;
import io.custodian.api.event.IncidentReported;
import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.EventParties;
import io.custodian.asset.inventory.Inventory;
import io.custodian.asset.outbox.Outbox;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.Lifecycle;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Loss and theft: one call records the incident, marks the asset and stores the alert event; then
 * containment actions, and the closure or the recovery, each state change with its event.
 */
@ApplicationScoped
class Incidents {

    private final Inventory inventory;
    private final Outbox outbox;
    private final IncidentConfig config;
    private final Clock clock;
    private final Event<AssetReportedMissing> missing;
    private final IncidentMetrics metrics;

    Incidents(
            Inventory inventory,
            Outbox outbox,
            IncidentConfig config,
            Clock clock,
            Event<AssetReportedMissing> missing,
            IncidentMetrics metrics) {
        this.metrics = metrics;
        this.inventory = inventory;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.missing = missing;
    }

    /** An unregistered personal device with company access. */
    record Device(
            @NotNull Incident.DeviceType type,
            @FreeText @NotBlank @Size(max = 500) String description) {}

    record Report(
            UUID assetId,
            @Size(min = 1, max = 64) String assetTag,
            @Valid Device device,
            @NotNull Incident.Kind kind,
            @NotNull Instant occurredAt,
            @Size(max = 500) String location,
            @FreeText @Size(max = 4000) String circumstances,
            @Size(max = 200) String policeReference) {}

    /** A containment action; {@code action} is spelled with hyphens, as the API does. */
    record NewAction(@NotNull String action, @FreeText @Size(max = 2000) String note) {}

    enum Outcome {
        CLOSED,
        RECOVERED
    }

    record Closure(@NotNull Outcome outcome, @FreeText @Size(max = 2000) String note) {}

    /**
     * In one transaction: the incident row, the asset's status change (holder kept) and the outbox
     * event. Employees and leadership report devices they hold or own, and their own personal
     * devices; admins report any inventory device.
     */
    @Transactional
    IncidentView report(@NotNull @Valid Report report, Caller caller) {
        Instant now = Instant.now(clock);
        if (report.occurredAt().isAfter(now.plus(config.clockSkew()))) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        boolean namesAsset =
                report.assetId() != null
                        || (report.assetTag() != null && !report.assetTag().isBlank());
        if (namesAsset && report.device() != null) {
            throw ProblemException.invalid(
                    "device",
                    "give either an inventory asset (assetId or assetTag) or a personal device,"
                            + " not both");
        }
        if (!namesAsset && report.device() == null) {
            throw ProblemException.invalid(
                    "assetId",
                    "give assetId or assetTag for an inventory asset, or device for a personal"
                            + " device");
        }

        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.kind = report.kind();
        incident.status = Incident.Status.OPEN;
        incident.occurredAt = report.occurredAt();
        incident.reportedAt = now;
        Duration delay = Duration.between(report.occurredAt(), now);
        incident.reportingDelaySeconds = Math.max(0, delay.toSeconds());
        incident.late = delay.compareTo(config.lateAfter()) > 0;
        incident.location = report.location();
        incident.circumstances = report.circumstances();
        incident.policeReference = report.policeReference();
        // a personal device's user is always the reporter: the caller, from the token
        incident.reportedBy = caller.email();

        if (report.device() != null) {
            incident.deviceType = report.device().type();
            incident.deviceDescription = report.device().description().trim();
            // the alert's event id is kept with the incident, inserted with it
            incident.alertEventId =
                    append(incident, EventTypes.INCIDENT_REPORTED, reported(incident));
            incident.persistAndFlush();
            metrics.reported(incident);
            return IncidentView.of(incident);
        }

        // for a caller who may not read every asset, someone else's asset and one that does not
        // exist answer alike (no register oracle); one who reads them all is told why
        Asset asset =
                caller.readsEverything()
                        ? inventory.byIdOrTag(report.assetId(), report.assetTag())
                        : inventory.byIdOrTag(
                                report.assetId(),
                                report.assetTag(),
                                a -> a.isHeldOrOwnedBy(caller.email()),
                                "no asset you hold or own has it: report only your own devices,"
                                        + " or ask IT to report this one");
        if (!caller.actsOnAnyAsset() && !asset.isHeldOrOwnedBy(caller.email())) {
            throw ProblemException.forbidden(
                    "You can report only devices you hold or own; ask IT to report this one.");
        }
        // two reports of one asset at the same moment: the second waits for the first, then is
        // told of its incident instead of opening another
        inventory.locked(asset);
        Incident.<Incident>find(
                        "asset = ?1 and status in ?2 order by reportedAt",
                        asset,
                        List.of(Incident.Status.OPEN, Incident.Status.CONTAINED))
                .firstResultOptional()
                .ifPresent(
                        open -> {
                            throw ProblemException.conflict(
                                    "Asset "
                                            + asset.assetTag
                                            + " already has an open incident, reported at "
                                            + open.reportedAt
                                            + ": /api/v1/incidents/"
                                            + open.id
                                            + ".",
                                    report.assetId() != null ? "assetId" : "assetTag",
                                    "has an open incident: " + open.id);
                        });
        incident.asset = asset;
        incident.previousAssetStatus = asset.status;
        inventory.transition(asset, report.kind().assetStatus());
        incident.alertEventId = append(incident, EventTypes.INCIDENT_REPORTED, reported(incident));
        incident.persistAndFlush();
        missing.fire(new AssetReportedMissing(asset.id, incident.id));
        metrics.reported(incident);
        return IncidentView.of(incident);
    }

    /**
     * Records a containment action by the caller; the first one moves an open incident to
     * contained, with its event. Concurrent actions on one incident are serialized by a row lock,
     * and each one changes the incident's version (its ETag).
     */
    @Transactional
    IncidentView act(UUID id, @NotNull @Valid NewAction request, Caller caller) {
        IncidentAction.Type type =
                IncidentAction.Type.parse(request.action())
                        .orElseThrow(
                                () ->
                                        ProblemException.invalid(
                                                "action",
                                                "must be one of: "
                                                        + IncidentAction.Type.allSpelled()));
        String note = request.note() == null || request.note().isBlank() ? null : request.note();
        if (type == IncidentAction.Type.OTHER && note == null) {
            throw ProblemException.invalid("note", "describe the action when it is other");
        }
        Incident incident = locked(id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (incident.status.isFinal()) {
            String status = LowerCaseEnums.of(incident.status);
            throw ProblemException.conflict(
                    "Incident " + id + " is " + status + " and takes no more actions.",
                    "status",
                    "is " + status);
        }
        Instant now = Instant.now(clock);
        IncidentAction action = new IncidentAction();
        action.id = UUID.randomUUID();
        action.incident = incident;
        action.position = incident.actions.size() + 1;
        action.action = type;
        action.note = note;
        action.performedBy = caller.email();
        action.performedAt = now;
        action.persist();
        incident.actions.add(action);

        if (incident.status == Incident.Status.OPEN) {
            incident.status = Incident.Status.CONTAINED;
            incident.containedAt = now;
            incident.containedBy = caller.email();
            append(incident, EventTypes.INCIDENT_CONTAINED, contained(incident));
        }
        incident.flush();
        return IncidentView.of(incident);
    }

    /**
     * Closes the incident, or records the recovery of its inventory device, which returns the asset
     * to stock; with the event. Only legal lifecycle steps; If-Match with the incident's version.
     */
    @Transactional
    IncidentView close(UUID id, String ifMatch, @NotNull @Valid Closure request, Caller caller) {
        Incident incident = locked(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, incident.version, "incident");
        Incident.Status next =
                request.outcome() == Outcome.RECOVERED
                        ? Incident.Status.RECOVERED
                        : Incident.Status.CLOSED;
        if (next == Incident.Status.RECOVERED && incident.asset == null) {
            throw ProblemException.invalid(
                    "outcome",
                    "only an inventory asset can be recovered; close a personal device's incident"
                            + " with outcome closed");
        }
        Lifecycle.require(
                incident.status,
                next,
                () -> {
                    String from = LowerCaseEnums.of(incident.status);
                    String to = LowerCaseEnums.of(next);
                    return ProblemException.conflict(
                            "Incident " + id + " is " + from + " and cannot become " + to + ".",
                            "outcome",
                            "cannot change from " + from + " to " + to);
                });
        Instant now = Instant.now(clock);
        String note = request.note() == null || request.note().isBlank() ? null : request.note();
        // the holder as the event names it: for a recovery, who held it before it came back
        IncidentReported.Party holder =
                incident.asset == null ? null : EventParties.holder(incident.asset);
        if (next == Incident.Status.RECOVERED) {
            inventory.recover(
                    incident.asset,
                    caller.email(),
                    "Recovered (incident " + id + ")" + (note == null ? "" : ": " + note));
        }
        incident.status = next;
        incident.closedAt = now;
        incident.closedBy = caller.email();
        incident.closureNote = note;
        append(incident, EventTypes.INCIDENT_CLOSED, closed(incident, holder));
        incident.flush();
        return IncidentView.of(incident);
    }

    /** The incident with its timeline, if the caller may see it; otherwise 404. */
    @Transactional
    IncidentView read(UUID id, Caller caller) {
        Incident incident =
                Incident.<Incident>findByIdOptional(id)
                        .orElseThrow(() -> ProblemException.notFound("incident", id));
        if (!caller.readsEverything() && !incident.reportedBy.equals(caller.email())) {
            throw ProblemException.notFound("incident", id);
        }
        return IncidentView.of(incident);
    }

    private static Incident locked(UUID id, LockModeType lock) {
        return Incident.<Incident>findByIdOptional(id, lock)
                .orElseThrow(() -> ProblemException.notFound("incident", id));
    }

    /**
     * Every event of one incident has the same key, so they stay in order: the asset's id (as the
     * asset's other events), or the incident's for a personal device. Returns the event's id.
     */
    private UUID append(Incident incident, String type, Object data) {
        return incident.asset != null
                ? outbox.append(
                        "asset", incident.asset.id, type, "assets/" + incident.asset.id, data)
                : outbox.append("incident", incident.id, type, "incidents/" + incident.id, data);
    }

    private static IncidentReported reported(Incident incident) {
        Asset asset = incident.asset;
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
                assetOf(incident),
                asset == null ? null : EventParties.owner(asset),
                asset == null ? null : EventParties.holder(asset),
                deviceOf(incident));
    }

    private static IncidentContained contained(Incident incident) {
        Asset asset = incident.asset;
        return new IncidentContained(
                incident.id,
                LowerCaseEnums.of(incident.kind),
                LowerCaseEnums.of(incident.status),
                incident.occurredAt,
                incident.reportedAt,
                incident.late,
                incident.location,
                incident.reportedBy,
                assetOf(incident),
                deviceOf(incident),
                asset == null ? null : EventParties.owner(asset),
                asset == null ? null : EventParties.holder(asset),
                incident.containedAt,
                incident.containedBy,
                actionsOf(incident));
    }

    private static IncidentClosed closed(Incident incident, IncidentReported.Party holder) {
        Asset asset = incident.asset;
        return new IncidentClosed(
                incident.id,
                LowerCaseEnums.of(incident.kind),
                LowerCaseEnums.of(incident.status),
                incident.occurredAt,
                incident.reportedAt,
                incident.late,
                incident.location,
                incident.reportedBy,
                assetOf(incident),
                asset == null ? null : LowerCaseEnums.of(asset.status),
                deviceOf(incident),
                asset == null ? null : EventParties.owner(asset),
                holder,
                incident.containedAt,
                incident.closedAt,
                incident.closedBy,
                incident.closureNote,
                actionsOf(incident));
    }

    private static IncidentReported.Asset assetOf(Incident incident) {
        Asset asset = incident.asset;
        return asset == null
                ? null
                : new IncidentReported.Asset(
                        asset.id,
                        asset.assetTag,
                        asset.name,
                        LowerCaseEnums.of(asset.category),
                        LowerCaseEnums.of(asset.classification),
                        asset.serialNumber,
                        LowerCaseEnums.of(incident.previousAssetStatus));
    }

    private static IncidentReported.Device deviceOf(Incident incident) {
        return incident.deviceType == null
                ? null
                : new IncidentReported.Device(
                        LowerCaseEnums.of(incident.deviceType), incident.deviceDescription);
    }

    private static List<IncidentContained.Action> actionsOf(Incident incident) {
        return incident.actions.stream()
                .map(
                        a ->
                                new IncidentContained.Action(
                                        a.action.spelled(), a.note, a.performedBy, a.performedAt))
                .toList();
    }
}
