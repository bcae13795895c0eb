package io.custodian.notification.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.notification.NotificationConfig;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertDispatcher;
import io.custodian.notification.events.EventHandler;
import io.custodian.notification.events.InboundEvent;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;

/** {@code asset.incident.reported}: a device was lost or stolen; leadership is alerted. */
@ApplicationScoped
class IncidentReportedHandler implements EventHandler {

    @CheckedTemplate(basePath = "IncidentMail")
    static class Templates {
        static native TemplateInstance alertText(IncidentAlert alert);

        static native TemplateInstance alertHtml(IncidentAlert alert);
    }

    private final ObjectMapper mapper;
    private final AlertDispatcher dispatcher;
    private final ZoneId zone;

    IncidentReportedHandler(
            ObjectMapper mapper, AlertDispatcher dispatcher, NotificationConfig config) {
        this.mapper = mapper;
        this.dispatcher = dispatcher;
        this.zone = config.alerts().timeZone();
    }

    @Override
    public String type() {
        return EventTypes.INCIDENT_REPORTED;
    }

    @Override
    public Uni<Void> handle(InboundEvent event) {
        return Uni.createFrom().item(() -> render(event)).chain(a -> dispatcher.dispatch(event, a));
    }

    Alert render(InboundEvent event) {
        IncidentReported incident;
        try {
            incident = mapper.readValue(event.data(), IncidentReported.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Event " + event.id() + ": data is not an IncidentReported: " + e.getMessage(),
                    e);
        }
        IncidentAlert alert = IncidentAlert.of(incident, zone);
        return new Alert(
                alert.subject(),
                Templates.alertText(alert).render(),
                Templates.alertHtml(alert).render());
    }
}
