package io.custodian.notification.offboarding;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.OffboardingStarted;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code offboarding.started}: tell the leaver, their manager and IT what must come back and what
 * needs a new owner.
 */
@Singleton
class OffboardingStartedHandler extends AlertingHandler<OffboardingStarted> {

    OffboardingStartedHandler(Alerting alerting) {
        super(EventTypes.OFFBOARDING_STARTED, OffboardingStarted.class, alerting);
    }

    @Override
    protected Alert render(OffboardingStarted started, ZoneId zone) {
        OffboardingMail.Letter letter =
                OffboardingMail.Letter.of(
                        started.person(),
                        started.manager(),
                        started.lastWorkingDay(),
                        started.items(),
                        consoleLink(OffboardingMail.page(started.offboardingId())));
        return new Alert(
                "[Custodian] Off-boarding: "
                        + started.person().name()
                        + " leaves on "
                        + letter.lastDay()
                        + " ("
                        + started.items().size()
                        + (started.items().size() == 1 ? " asset)" : " assets)"),
                OffboardingMail.Templates.startedText(letter).render(),
                OffboardingMail.Templates.startedHtml(letter).render(),
                OffboardingMail.parties(started.person(), started.manager()));
    }
}
