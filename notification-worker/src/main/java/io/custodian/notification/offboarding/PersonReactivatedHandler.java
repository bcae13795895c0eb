package io.custodian.notification.offboarding;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.PersonReactivated;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import io.custodian.notification.events.InboundEvent;
import io.custodian.notification.security.Departures;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * {@code person.reactivated}: the departure is over (the person may use the worker's API again),
 * and IT and the manager learn that someone they off-boarded is back, so that assets go out again
 * only against the current acceptable-use rules.
 */
@Singleton
class PersonReactivatedHandler extends AlertingHandler<PersonReactivated> {

    @CheckedTemplate(basePath = "RehireMail")
    static class Templates {
        static native TemplateInstance rehiredText(Letter letter);

        static native TemplateInstance rehiredHtml(Letter letter);
    }

    /** Who is back, their manager, when, and how HR said it. */
    record Letter(String person, String manager, String at, String how) {}

    private final Departures departures;

    PersonReactivatedHandler(Alerting alerting, Departures departures) {
        super(EventTypes.PERSON_REACTIVATED, PersonReactivated.class, alerting);
        this.departures = departures;
    }

    @Override
    protected Uni<Void> before(InboundEvent event, PersonReactivated rehired) {
        return departures.rehired(rehired.person(), rehired.reactivatedAt(), event.id());
    }

    @Override
    protected Alert render(PersonReactivated rehired, ZoneId zone) {
        Letter letter =
                new Letter(
                        OffboardingMail.describe(rehired.person()),
                        OffboardingMail.describe(rehired.manager()),
                        OffboardingMail.AT.format(rehired.reactivatedAt().atZone(zone)),
                        ("scim".equals(rehired.source()) ? "SCIM" : "the HR directory sync")
                                + ", by "
                                + rehired.by());
        return new Alert(
                "[Custodian] Re-hired: " + rehired.person().name() + " is active again",
                Templates.rehiredText(letter).render(),
                Templates.rehiredHtml(letter).render(),
                OffboardingMail.parties(rehired.person(), rehired.manager()));
    }
}
