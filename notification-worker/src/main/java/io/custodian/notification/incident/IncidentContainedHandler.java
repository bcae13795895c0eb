package io.custodian.notification.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentContained;
import io.custodian.notification.NotificationConfig;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertDispatcher;
import io.custodian.notification.delivery.AlertingHandler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/** {@code asset.incident.contained}: the first containment action was recorded. */
@Singleton
class IncidentContainedHandler extends AlertingHandler<IncidentContained> {

    @CheckedTemplate(basePath = "IncidentUpdateMail")
    static class Templates {
        static native TemplateInstance containedText(IncidentUpdate update);

        static native TemplateInstance containedHtml(IncidentUpdate update);
    }

    private final ZoneId zone;

    IncidentContainedHandler(
            ObjectMapper mapper, AlertDispatcher dispatcher, NotificationConfig config) {
        super(EventTypes.INCIDENT_CONTAINED, IncidentContained.class, mapper, dispatcher);
        this.zone = config.alerts().timeZone();
    }

    @Override
    protected Alert render(IncidentContained event) {
        IncidentUpdate update = IncidentUpdate.of(event, zone);
        return new Alert(
                update.subject(),
                Templates.containedText(update).render(),
                Templates.containedHtml(update).render(),
                IncidentParties.of(event.reportedBy(), event.owner(), event.holder()));
    }
}
