package io.custodian.notification.policy;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.ExceptionExpired;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code policy.exception.expired}: an approved exception ran past its last valid day; the
 * requester (and, as routed, leadership) is told.
 */
@Singleton
class ExceptionExpiredHandler extends AlertingHandler<ExceptionExpired> {

    ExceptionExpiredHandler(Alerting alerting) {
        super(EventTypes.EXCEPTION_EXPIRED, ExceptionExpired.class, alerting);
    }

    @Override
    protected Alert render(ExceptionExpired e, ZoneId zone) {
        String clause = PolicyMail.clause(e.clause());
        return new PolicyMail.Builder(
                        zone,
                        "Exception expired: " + clause,
                        "The exception to the Asset Management Policy approved for "
                                + e.requester().display()
                                + " has expired: the policy applies in full again.")
                .fact("Clause", clause)
                .person("Requested by", e.requester())
                .person("Approved by", e.decidedBy())
                .day("Valid until", e.validUntil())
                .time("Expired", e.expiredAt())
                .assets(e.assets())
                .section("Justification", e.justification())
                .party("requester", e.requester())
                .link(consoleLink("/console/exception?id=" + e.exceptionId()))
                .alert(
                        "Exception expired: " + clause + " for " + e.requester().display(),
                        "If the need remains, request a new exception.",
                        "Exception request " + e.exceptionId());
    }
}
