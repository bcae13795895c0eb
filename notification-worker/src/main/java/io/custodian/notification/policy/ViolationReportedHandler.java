package io.custodian.notification.policy;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.ViolationReported;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code policy.violation.reported}: someone reported a violation of the policy; leadership (CEO,
 * CTO) is alerted at once.
 */
@Singleton
class ViolationReportedHandler extends AlertingHandler<ViolationReported> {

    ViolationReportedHandler(Alerting alerting) {
        super(EventTypes.VIOLATION_REPORTED, ViolationReported.class, alerting);
    }

    @Override
    protected Alert render(ViolationReported e, ZoneId zone) {
        return new PolicyMail.Builder(
                        zone,
                        "Policy violation reported",
                        e.reporter().display()
                                + " reported a violation of the Asset Management Policy.")
                .fact("Clause", PolicyMail.clause(e.clause()))
                .time("Happened", e.occurredAt())
                .person("Person concerned", e.person())
                .fact("Person named", unmatched(e.person(), e.personReference(), "directory"))
                .asset("Asset", e.asset())
                .fact("Asset named", unmatched(e.asset(), e.assetReference(), "register"))
                .person("Reported by", e.reporter())
                .time("Reported", e.reportedAt())
                .section("What happened", e.description())
                .party("reporter", e.reporter())
                .party("person", e.person())
                .link(consoleLink("/console/violation?id=" + e.violationId()))
                .alert(
                        "Policy violation reported: " + PolicyMail.gist(e.description()),
                        "Acknowledge it in Custodian: POST /api/v1/violations/"
                                + e.violationId()
                                + "/acknowledgement",
                        "Violation report " + e.violationId());
    }

    /** What the reporter named that matches nothing, said as such; null when it matched. */
    private static String unmatched(Object matched, String reference, String where) {
        return matched != null || reference == null
                ? null
                : reference + " (not in the " + where + ")";
    }
}
