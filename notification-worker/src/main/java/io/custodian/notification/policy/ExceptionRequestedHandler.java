package io.custodian.notification.policy;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.ExceptionRequested;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code policy.exception.requested}: someone asks for an exception to the policy; leadership (CEO,
 * CTO) is alerted to decide it.
 */
@Singleton
class ExceptionRequestedHandler extends AlertingHandler<ExceptionRequested> {

    ExceptionRequestedHandler(Alerting alerting) {
        super(EventTypes.EXCEPTION_REQUESTED, ExceptionRequested.class, alerting);
    }

    @Override
    protected Alert render(ExceptionRequested e, ZoneId zone) {
        String clause = PolicyMail.clause(e.clause());
        return new PolicyMail.Builder(
                        zone,
                        "Exception requested: " + clause,
                        e.requester().display()
                                + " asks leadership for an exception to the Asset Management"
                                + " Policy. Only leadership decides, and not the requester.")
                .fact("Clause", clause)
                .person("Requested by", e.requester())
                .time("Requested", e.requestedAt())
                .day("Wanted until", e.wantedUntil())
                .assets(e.assets())
                .section("Justification", e.justification())
                .party("requester", e.requester())
                .link(consoleLink("/console/exception?id=" + e.exceptionId()))
                .alert(
                        "Exception requested by " + e.requester().display() + ": " + clause,
                        "Approve or reject it in the console (the link below), or with POST"
                                + " /api/v1/exceptions/"
                                + e.exceptionId()
                                + "/decision.",
                        "Exception request " + e.exceptionId());
    }
}
