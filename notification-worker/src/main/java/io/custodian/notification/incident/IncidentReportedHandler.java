package io.custodian.notification.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.notification.NotificationConfig;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertDispatcher;
import io.custodian.notification.delivery.AlertingHandler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/** {@code asset.incident.reported}: a device was lost or stolen; leadership is alerted. */
@Singleton
class IncidentReportedHandler extends AlertingHandler<IncidentReported> {

    @CheckedTemplate(basePath = "IncidentMail")
    static class Templates {
        static native TemplateInstance alertText(IncidentAlert alert);

        static native TemplateInstance alertHtml(IncidentAlert alert);
    }

    private final ZoneId zone;

    IncidentReportedHandler(
            ObjectMapper mapper, AlertDispatcher dispatcher, NotificationConfig config) {
        super(EventTypes.INCIDENT_REPORTED, IncidentReported.class, mapper, dispatcher);
        this.zone = config.alerts().timeZone();
    }

    @Override
    protected Alert render(IncidentReported incident) {
        IncidentAlert alert = IncidentAlert.of(incident, zone);
        return new Alert(
                alert.subject(),
                Templates.alertText(alert).render(),
                Templates.alertHtml(alert).render(),
                IncidentParties.of(incident.reportedBy(), incident.owner(), incident.holder()));
    }
}
