package io.custodian.notification.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentClosed;
import io.custodian.notification.NotificationConfig;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertDispatcher;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/** {@code asset.incident.closed}: an incident was closed, or its device recovered. */
@Singleton
class IncidentClosedHandler extends AlertingHandler<IncidentClosed> {

    IncidentClosedHandler(
            ObjectMapper mapper, AlertDispatcher dispatcher, NotificationConfig config) {
        super(EventTypes.INCIDENT_CLOSED, IncidentClosed.class, mapper, dispatcher, config);
    }

    @Override
    protected Alert render(IncidentClosed closed, ZoneId zone) {
        return IncidentUpdate.closed(
                closed, zone, consoleLink("/console/incident?id=" + closed.incidentId()));
    }
}
