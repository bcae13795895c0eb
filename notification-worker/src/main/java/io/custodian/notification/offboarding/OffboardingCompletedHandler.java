package io.custodian.notification.offboarding;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.OffboardingCompleted;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import io.custodian.notification.events.InboundEvent;
import io.custodian.notification.security.Departures;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code offboarding.completed}: record that the person departed (they keep no role in the worker's
 * API from then on), then tell IT and the manager how each item was closed.
 */
@Singleton
class OffboardingCompletedHandler extends AlertingHandler<OffboardingCompleted> {

    private final Departures departures;

    OffboardingCompletedHandler(Alerting alerting, Departures departures) {
        super(EventTypes.OFFBOARDING_COMPLETED, OffboardingCompleted.class, alerting);
        this.departures = departures;
    }

    @Override
    protected Uni<Void> before(InboundEvent event, OffboardingCompleted completed) {
        return departures.departed(completed.person(), completed.completedAt(), event.id());
    }

    @Override
    protected Alert render(OffboardingCompleted completed, ZoneId zone) {
        OffboardingMail.Letter letter =
                OffboardingMail.Letter.of(
                                completed.person(),
                                completed.manager(),
                                completed.lastWorkingDay(),
                                completed.items(),
                                consoleLink(OffboardingMail.page(completed.offboardingId())))
                        .completedAt(
                                OffboardingMail.AT.format(completed.completedAt().atZone(zone)));
        return new Alert(
                "[Custodian] Off-boarding completed: " + completed.person().name(),
                OffboardingMail.Templates.completedText(letter).render(),
                OffboardingMail.Templates.completedHtml(letter).render(),
                OffboardingMail.parties(completed.person(), completed.manager()));
    }
}
