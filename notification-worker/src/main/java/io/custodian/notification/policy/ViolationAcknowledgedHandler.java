package io.custodian.notification.policy;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.ViolationAcknowledged;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code policy.violation.acknowledged}: leadership took up a violation report; the reporter is
 * told.
 */
@Singleton
class ViolationAcknowledgedHandler extends AlertingHandler<ViolationAcknowledged> {

    ViolationAcknowledgedHandler(Alerting alerting) {
        super(EventTypes.VIOLATION_ACKNOWLEDGED, ViolationAcknowledged.class, alerting);
    }

    @Override
    protected Alert render(ViolationAcknowledged e, ZoneId zone) {
        return new PolicyMail.Builder(
                        zone,
                        "Violation report acknowledged",
                        "Your report of a violation of the Asset Management Policy was acknowledged"
                                + " by "
                                + e.acknowledgedBy().display()
                                + ".")
                .fact("Clause", PolicyMail.clause(e.clause()))
                .person("Person concerned", e.person())
                .asset("Asset", e.asset())
                .person("Acknowledged by", e.acknowledgedBy())
                .time("Acknowledged", e.acknowledgedAt())
                .section("Note", e.note())
                .section("Your report", e.description())
                .party("reporter", e.reporter())
                .party("person", e.person())
                .link(consoleLink("/console/violation?id=" + e.violationId()))
                .alert(
                        "Violation report acknowledged: " + PolicyMail.gist(e.description()),
                        "You will be told the outcome when the report is closed.",
                        "Violation report " + e.violationId());
    }
}
