package io.custodian.notification.incident;

import io.custodian.api.event.IncidentClosed;
import io.custodian.api.event.IncidentContained;
import io.custodian.api.event.IncidentReported;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What the alerts on an incident's progress show ({@code asset.incident.contained} and {@code
 * asset.incident.closed}), worked out from the event: the device, who did what and when, the
 * containment actions so far, formatted for people.
 */
record IncidentUpdate(
        String headline,
        String kind,
        String device,
        boolean personalDevice,
        String deviceDescription,
        String classification,
        String occurredAt,
        String reportedAt,
        String location,
        String reportedBy,
        String owner,
        String holder,
        String by,
        String at,
        String note,
        String assetStatus,
        String containedAt,
        List<ActionLine> actions,
        String incidentId) {

    /** One containment action, as a line: {@code Remote lock requested}, note, who, when. */
    record ActionLine(String action, String note, String by, String at) {}

    static IncidentUpdate of(IncidentContained event, ZoneId zone) {
        return new IncidentUpdate(
                "CONTAINED",
                event.kind(),
                device(event.asset(), event.device(), event.reportedBy()),
                event.asset() == null,
                event.device() == null ? null : event.device().description(),
                event.asset() == null ? null : event.asset().classification(),
                IncidentAlert.format(event.occurredAt(), zone),
                IncidentAlert.format(event.reportedAt(), zone),
                event.location(),
                event.reportedBy(),
                IncidentAlert.party(event.owner()),
                IncidentAlert.party(event.holder()),
                event.containedBy(),
                IncidentAlert.format(event.containedAt(), zone),
                null,
                null,
                IncidentAlert.format(event.containedAt(), zone),
                lines(event.actions(), zone),
                String.valueOf(event.incidentId()));
    }

    static IncidentUpdate of(IncidentClosed event, ZoneId zone) {
        return new IncidentUpdate(
                event.outcome().toUpperCase(Locale.ROOT),
                event.kind(),
                device(event.asset(), event.device(), event.reportedBy()),
                event.asset() == null,
                event.device() == null ? null : event.device().description(),
                event.asset() == null ? null : event.asset().classification(),
                IncidentAlert.format(event.occurredAt(), zone),
                IncidentAlert.format(event.reportedAt(), zone),
                event.location(),
                event.reportedBy(),
                IncidentAlert.party(event.owner()),
                IncidentAlert.party(event.holder()),
                event.closedBy(),
                IncidentAlert.format(event.closedAt(), zone),
                event.note(),
                event.assetStatus(),
                IncidentAlert.format(event.containedAt(), zone),
                lines(event.actions(), zone),
                String.valueOf(event.incidentId()));
    }

    /** {@code [Custodian] CONTAINED: stolen LT-0042 MacBook Pro 14 (Ada)}. */
    public String subject() {
        return "[Custodian] " + headline + ": " + kind + " " + device;
    }

    public boolean recovered() {
        return "RECOVERED".equals(headline);
    }

    /** {@code in stock} for {@code in_stock}. */
    public String assetStatusInWords() {
        return assetStatus == null ? null : assetStatus.replace('_', ' ');
    }

    /** {@code Remote lock requested} for {@code remote-lock-requested}. */
    static String actionInWords(String action) {
        String words = action.replace('-', ' ');
        return words.isEmpty()
                ? words
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String device(
            IncidentReported.Asset asset, IncidentReported.Device device, String reporter) {
        return asset != null
                ? asset.assetTag() + " " + asset.name()
                : IncidentAlert.describeDevice(device.type(), reporter);
    }

    private static List<ActionLine> lines(List<IncidentContained.Action> actions, ZoneId zone) {
        return actions == null
                ? List.of()
                : actions.stream()
                        .map(
                                a ->
                                        new ActionLine(
                                                actionInWords(a.action()),
                                                a.note(),
                                                a.by(),
                                                IncidentAlert.format(a.at(), zone)))
                        .toList();
    }
}
