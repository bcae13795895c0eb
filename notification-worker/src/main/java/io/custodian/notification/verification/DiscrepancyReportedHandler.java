package io.custodian.notification.verification;

import io.custodian.api.event.DiscrepancyReported;
import io.custodian.api.event.EventTypes;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertTimes;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import io.custodian.notification.delivery.AssetParties;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code asset.discrepancy.reported}: someone the register names as an asset's holder or owner says
 * they do not have it; IT (by default) is asked to find out where it is, with a link to the asset's
 * page.
 */
@Singleton
class DiscrepancyReportedHandler extends AlertingHandler<DiscrepancyReported> {

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
            String link) {

        static Discrepancy of(DiscrepancyReported event, ZoneId zone, String link) {
            return new Discrepancy(
                    event.assetTag(),
                    event.name(),
                    event.category(),
                    event.status().replace('_', ' '),
                    event.reportedBy(),
                    AlertTimes.format(event.reportedAt(), zone),
                    event.note(),
                    AssetParties.describe(event.owner()),
                    AssetParties.describe(event.holder()),
                    link);
        }
    }

    DiscrepancyReportedHandler(Alerting alerting) {
        super(EventTypes.DISCREPANCY_REPORTED, DiscrepancyReported.class, alerting);
    }

    @Override
    protected Alert render(DiscrepancyReported event, ZoneId zone) {
        Discrepancy discrepancy =
                Discrepancy.of(event, zone, consoleLink("/console/assets/" + event.assetId()));
        return new Alert(
                "[Custodian] %s says they don't have %s %s"
                        .formatted(event.reportedBy(), event.assetTag(), event.name()),
                VerificationMail.discrepancyText(discrepancy).render(),
                VerificationMail.discrepancyHtml(discrepancy).render(),
                AssetParties.of(null, event.owner(), event.holder()));
    }
}
