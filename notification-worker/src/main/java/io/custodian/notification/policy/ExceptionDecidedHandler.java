package io.custodian.notification.policy;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.ExceptionDecided;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code policy.exception.decided}: leadership approved or rejected an exception request; the
 * requester is told.
 */
@Singleton
class ExceptionDecidedHandler extends AlertingHandler<ExceptionDecided> {

    ExceptionDecidedHandler(Alerting alerting) {
        super(EventTypes.EXCEPTION_DECIDED, ExceptionDecided.class, alerting);
    }

    @Override
    protected Alert render(ExceptionDecided e, ZoneId zone) {
        String clause = PolicyMail.clause(e.clause());
        boolean approved = ExceptionDecided.APPROVED.equals(e.decision());
        String verdict = approved ? "approved" : "rejected";
        return new PolicyMail.Builder(
                        zone,
                        "Exception " + verdict + ": " + clause,
                        "Your request for an exception to the Asset Management Policy was "
                                + verdict
                                + " by "
                                + e.decidedBy().display()
                                + ".")
                .fact("Decision", verdict.toUpperCase(java.util.Locale.ROOT))
                .day("Valid until", e.validUntil())
                .fact("Clause", clause)
                .person("Requested by", e.requester())
                .day("Wanted until", e.wantedUntil())
                .person("Decided by", e.decidedBy())
                .time("Decided", e.decidedAt())
                .assets(e.assets())
                .section("Note", e.note())
                .section("Your justification", e.justification())
                .party("requester", e.requester())
                .link(consoleLink("/console/exception?id=" + e.exceptionId()))
                .alert(
                        "Exception " + verdict + ": " + clause,
                        approved
                                ? "The exception holds until the end of the valid-until day (UTC);"
                                        + " you will be told when it expires."
                                : "The policy applies in full. Ask again with more detail if the"
                                        + " need remains.",
                        "Exception request " + e.exceptionId());
    }
}
