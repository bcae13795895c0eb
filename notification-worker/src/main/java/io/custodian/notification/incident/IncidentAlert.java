package io.custodian.notification.incident;

import io.custodian.api.event.IncidentReported;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertTimes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * What the incident alert templates show, worked out from the event: upper-case kind, formatted
 * times, the reporting delay in words, parties as one line each. Either an inventory asset ({@code
 * assetTag} …) or a personal device ({@code deviceType}, {@code deviceDescription}) is set. Its
 * templates are under {@code templates/IncidentMail}. {@code link} is the incident's console page,
 * or null.
 */
record IncidentAlert(
        String kind,
        String assetTag,
        String assetName,
        String category,
        String classification,
        String serialNumber,
        String previousStatus,
        String occurredAt,
        String reportedAt,
        String reportingDelay,
        boolean late,
        String location,
        String circumstances,
        String policeReference,
        String owner,
        String holder,
        String reportedBy,
        String incidentId,
        String deviceType,
        String deviceDescription,
        String link) {

    @CheckedTemplate(basePath = "IncidentMail")
    static class Templates {
        static native TemplateInstance alertText(IncidentAlert alert);

        static native TemplateInstance alertHtml(IncidentAlert alert);
    }

    static IncidentAlert of(IncidentReported event, ZoneId zone, String link) {
        IncidentReported.Asset asset = event.asset();
        IncidentReported.Device device = event.device();
        return new IncidentAlert(
                event.kind().toUpperCase(Locale.ROOT),
                asset == null ? null : asset.assetTag(),
                asset == null ? null : asset.name(),
                asset == null ? null : asset.category(),
                asset == null ? null : asset.classification(),
                asset == null ? null : asset.serialNumber(),
                asset == null ? null : asset.previousStatus(),
                AlertTimes.format(event.occurredAt(), zone),
                AlertTimes.format(event.reportedAt(), zone),
                delay(event.reportingDelaySeconds()),
                event.late(),
                event.location(),
                event.circumstances(),
                event.policeReference(),
                party(event.owner()),
                party(event.holder()),
                event.reportedBy(),
                String.valueOf(event.incidentId()),
                device == null ? null : device.type(),
                device == null ? null : device.description(),
                link);
    }

    /** The alert to leadership, with the incident's parties. */
    Alert alert(Map<String, String> parties) {
        return new Alert(
                subject(),
                Templates.alertText(this).render(),
                Templates.alertHtml(this).render(),
                parties);
    }

    /** A personal device rather than an inventory asset. */
    public boolean personalDevice() {
        return assetTag == null;
    }

    /** {@code LT-0042 MacBook Pro 14 (Ada)}, or {@code personal phone of grace@example.com}. */
    public String device() {
        return personalDevice()
                ? describeDevice(deviceType, reportedBy)
                : assetTag + " " + assetName;
    }

    /** {@code personal phone of grace@example.com}. */
    static String describeDevice(String type, String user) {
        return "personal " + type + " of " + user;
    }

    /** {@code stolen}, for running text. */
    public String kindLower() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** {@code theft} or {@code loss}. */
    public String what() {
        return "STOLEN".equals(kind) ? "theft" : "loss";
    }

    /** {@code [Custodian] STOLEN: LT-0042 MacBook Pro 14 (Ada)}. */
    public String subject() {
        return "[Custodian] " + kind + ": " + device();
    }

    static String delay(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        if (d.toMinutes() == 0) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() == 0) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() == 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }

    static String party(IncidentReported.Party party) {
        if (party == null) {
            return null;
        }
        return party.name()
                + " ("
                + party.type()
                + (party.email() == null ? "" : ", " + party.email())
                + ")";
    }
}
