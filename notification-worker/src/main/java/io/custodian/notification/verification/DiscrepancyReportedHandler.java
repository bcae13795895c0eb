package io.custodian.notification.verification;

import io.custodian.api.event.DiscrepancyReported;
import io.custodian.api.event.EventTypes;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertTimes;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import io.custodian.notification.delivery.AssetParties;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code asset.discrepancy.reported}: someone the register names as an asset's holder or owner says
 * they do not have it; IT (by default) is asked to find out where it is, with a link to the asset's
 * page.
 */
@Singleton
class DiscrepancyReportedHandler extends AlertingHandler<DiscrepancyReported> {

    @CheckedTemplate(basePath = "VerificationMail")
    static class Templates {
        static native TemplateInstance discrepancyText(Discrepancy discrepancy);

        static native TemplateInstance discrepancyHtml(Discrepancy discrepancy);
    }

    /** What the alert says, formatted for people. */
    record Discrepancy(
            String assetTag,
            String name,
            String category,
            String status,
            String reportedBy,
            String reportedAt,
            String note,
            String owner,
            String holder,
            String link) {}

    DiscrepancyReportedHandler(Alerting alerting) {
        super(EventTypes.DISCREPANCY_REPORTED, DiscrepancyReported.class, alerting);
    }

    @Override
    protected Alert render(DiscrepancyReported event, ZoneId zone) {
        Discrepancy discrepancy =
                new Discrepancy(
                        event.assetTag(),
                        event.name(),
                        event.category(),
                        event.status().replace('_', ' '),
                        event.reportedBy(),
                        AlertTimes.format(event.reportedAt(), zone),
                        event.note(),
                        AssetParties.describe(event.owner()),
                        AssetParties.describe(event.holder()),
                        consoleLink("/console/assets/" + event.assetId()));
        String subject =
                "[Custodian] "
                        + event.reportedBy()
                        + " says they don't have "
                        + event.assetTag()
                        + " "
                        + event.name();
        return new Alert(
                subject,
                Templates.discrepancyText(discrepancy).render(),
                Templates.discrepancyHtml(discrepancy).render(),
                AssetParties.of(null, event.owner(), event.holder()));
    }
}
