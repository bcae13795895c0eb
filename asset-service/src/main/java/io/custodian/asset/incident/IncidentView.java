package io.custodian.asset.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An incident as the API shows it; {@code timeline} only when reading one incident. Taken inside
 * the transaction (asset and actions load lazily).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IncidentView(
        UUID id,
        Incident.Kind kind,
        Incident.Status status,
        AssetRef asset,
        Device device,
        Instant occurredAt,
        Instant reportedAt,
        long reportingDelaySeconds,
        boolean late,
        String location,
        String circumstances,
        String policeReference,
        String reportedBy,
        Instant containedAt,
        Instant closedAt,
        List<Entry> timeline,
        @JsonIgnore long version) {

    record AssetRef(UUID id, String assetTag, String name) {}

    record Device(Incident.DeviceType type, String description) {}

    /** One step of the timeline: reported, action, contained, closed or recovered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String type, Instant at, String by, String action, String note) {}

    /** With the timeline. */
    static IncidentView of(Incident i) {
        return of(i, timeline(i));
    }

    /** Without the timeline, for lists. */
    static IncidentView summary(Incident i) {
        return of(i, null);
    }

    private static IncidentView of(Incident i, List<Entry> timeline) {
        return new IncidentView(
                i.id,
                i.kind,
                i.status,
                i.asset == null ? null : new AssetRef(i.asset.id, i.asset.assetTag, i.asset.name),
                i.deviceType == null ? null : new Device(i.deviceType, i.deviceDescription),
                i.occurredAt,
                i.reportedAt,
                i.reportingDelaySeconds,
                i.late,
                i.location,
                i.circumstances,
                i.policeReference,
                i.reportedBy,
                i.containedAt,
                i.closedAt,
                timeline,
                i.version);
    }

    /**
     * Oldest first: the report, each action (the first followed by the containment it caused), then
     * the closure or recovery.
     */
    private static List<Entry> timeline(Incident i) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("reported", i.reportedAt, i.reportedBy, null, null));
        for (IncidentAction a : i.actions) {
            entries.add(
                    new Entry("action", a.performedAt, a.performedBy, a.action.spelled(), a.note));
            if (a.position == 1 && i.containedAt != null) {
                entries.add(new Entry("contained", i.containedAt, i.containedBy, null, null));
            }
        }
        if (i.closedAt != null) {
            String type = i.status == Incident.Status.RECOVERED ? "recovered" : "closed";
            entries.add(new Entry(type, i.closedAt, i.closedBy, null, i.closureNote));
        }
        return entries;
    }
}
