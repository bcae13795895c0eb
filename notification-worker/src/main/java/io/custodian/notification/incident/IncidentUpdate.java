package io.custodian.notification.incident;

import io.custodian.api.event.IncidentClosed;
import io.custodian.api.event.IncidentContained;
import io.custodian.api.event.IncidentReported;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertTimes;
import io.custodian.notification.delivery.AssetParties;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the alerts on an incident's progress show ({@code asset.incident.contained} and {@code
 * asset.incident.closed}), worked out from the event: the device, who did what and when, the
 * containment actions so far, formatted for people; and the incident's parties, as routes may name
 * them. Its templates are under {@code templates/IncidentUpdateMail}. {@code link} is the
 * incident's console page, or null. {@code containedAt} is for a later step's facts (the
 * containment alert says when in its own words).
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
        String incidentId,
        String link,
        Map<String, String> parties) {

    @CheckedTemplate(basePath = "IncidentUpdateMail")
    static class Templates {
        static native TemplateInstance containedText(IncidentUpdate update);

        static native TemplateInstance containedHtml(IncidentUpdate update);

        static native TemplateInstance closedText(IncidentUpdate update);

        static native TemplateInstance closedHtml(IncidentUpdate update);
    }

    /** One containment action, as a line: {@code Remote lock requested}, note, who, when. */
    record ActionLine(String action, String note, String by, String at) {}

    /** The alert on a containment. */
    static Alert contained(IncidentContained contained, ZoneId zone, String link) {
        IncidentUpdate update = of(contained, zone, link);
        return update.alert(Templates.containedText(update), Templates.containedHtml(update));
    }

    /** The alert on a closure or a recovery. */
    static Alert closed(IncidentClosed closed, ZoneId zone, String link) {
        IncidentUpdate update = of(closed, zone, link);
        return update.alert(Templates.closedText(update), Templates.closedHtml(update));
    }

    private static IncidentUpdate of(IncidentContained contained, ZoneId zone, String link) {
        return new IncidentUpdate(
                "CONTAINED",
                contained.kind(),
                device(contained.asset(), contained.device(), contained.reportedBy()),
                contained.asset() == null,
                contained.device() == null ? null : contained.device().description(),
                contained.asset() == null ? null : contained.asset().classification(),
                AlertTimes.format(contained.occurredAt(), zone),
                AlertTimes.format(contained.reportedAt(), zone),
                contained.location(),
                contained.reportedBy(),
                IncidentAlert.party(contained.owner()),
                IncidentAlert.party(contained.holder()),
                contained.containedBy(),
                AlertTimes.format(contained.containedAt(), zone),
                null,
                null,
                null,
                lines(contained.actions(), zone),
                String.valueOf(contained.incidentId()),
                link,
                AssetParties.of(contained.reportedBy(), contained.owner(), contained.holder()));
    }

    private static IncidentUpdate of(IncidentClosed closed, ZoneId zone, String link) {
        return new IncidentUpdate(
                closed.outcome().toUpperCase(Locale.ROOT),
                closed.kind(),
                device(closed.asset(), closed.device(), closed.reportedBy()),
                closed.asset() == null,
                closed.device() == null ? null : closed.device().description(),
                closed.asset() == null ? null : closed.asset().classification(),
                AlertTimes.format(closed.occurredAt(), zone),
                AlertTimes.format(closed.reportedAt(), zone),
                closed.location(),
                closed.reportedBy(),
                IncidentAlert.party(closed.owner()),
                IncidentAlert.party(closed.holder()),
                closed.closedBy(),
                AlertTimes.format(closed.closedAt(), zone),
                closed.note(),
                closed.assetStatus(),
                AlertTimes.format(closed.containedAt(), zone),
                lines(closed.actions(), zone),
                String.valueOf(closed.incidentId()),
                link,
                AssetParties.of(closed.reportedBy(), closed.owner(), closed.holder()));
    }

    /** This update's alert: the subject, the step's two mails and the incident's parties. */
    private Alert alert(TemplateInstance text, TemplateInstance html) {
        return new Alert(subject(), text.render(), html.render(), parties);
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
                                                AlertTimes.format(a.at(), zone)))
                        .toList();
    }
}
