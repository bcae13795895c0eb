package io.custodian.notification.offboarding;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.OffboardingReturnOverdue;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/** {@code offboarding.return-overdue}: escalate a leaver's unreturned assets to leadership. */
@Singleton
class OffboardingReturnOverdueHandler extends AlertingHandler<OffboardingReturnOverdue> {

    OffboardingReturnOverdueHandler(Alerting alerting) {
        super(EventTypes.OFFBOARDING_RETURN_OVERDUE, OffboardingReturnOverdue.class, alerting);
    }

    @Override
    protected Alert render(OffboardingReturnOverdue overdue, ZoneId zone) {
        OffboardingMail.Letter letter =
                new OffboardingMail.Letter(
                        OffboardingMail.describe(overdue.person()),
                        OffboardingMail.describe(overdue.manager()),
                        OffboardingMail.day(overdue.lastWorkingDay()),
                        OffboardingMail.lines(overdue.pendingReturns(), "return"),
                        java.util.List.of(),
                        overdue.daysOverdue(),
                        null,
                        consoleLink(OffboardingMail.page(overdue.offboardingId())));
        int count = overdue.pendingReturns().size();
        return new Alert(
                "[Custodian] Overdue: "
                        + overdue.person().name()
                        + " has not returned "
                        + count
                        + (count == 1 ? " asset" : " assets")
                        + ", "
                        + overdue.daysOverdue()
                        + " days after leaving",
                OffboardingMail.Templates.overdueText(letter).render(),
                OffboardingMail.Templates.overdueHtml(letter).render(),
                OffboardingMail.parties(overdue.person(), overdue.manager()));
    }
}
