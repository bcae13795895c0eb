package io.custodian.notification.policy;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.ViolationClosed;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code policy.violation.closed}: leadership closed a violation report with its outcome; the
 * reporter is told.
 */
@Singleton
class ViolationClosedHandler extends AlertingHandler<ViolationClosed> {

    ViolationClosedHandler(Alerting alerting) {
        super(EventTypes.VIOLATION_CLOSED, ViolationClosed.class, alerting);
    }

    @Override
    protected Alert render(ViolationClosed e, ZoneId zone) {
        return new PolicyMail.Builder(
                        zone,
                        "Violation report closed",
                        "Your report of a violation of the Asset Management Policy was closed by "
                                + e.closedBy().display()
                                + ".")
                .fact("Clause", PolicyMail.clause(e.clause()))
                .person("Person concerned", e.person())
                .asset("Asset", e.asset())
                .person("Closed by", e.closedBy())
                .time("Closed", e.closedAt())
                .section("Outcome", e.outcome())
                .section("Your report", e.description())
                .party("reporter", e.reporter())
                .party("person", e.person())
                .link(consoleLink("/console/violation?id=" + e.violationId()))
                .alert(
                        "Violation report closed: " + PolicyMail.gist(e.description()),
                        "Thank you for reporting it.",
                        "Violation report " + e.violationId());
    }
}
