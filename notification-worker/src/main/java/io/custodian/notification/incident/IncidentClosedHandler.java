package io.custodian.notification.incident;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentClosed;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/** {@code asset.incident.closed}: an incident was closed, or its device recovered. */
@Singleton
class IncidentClosedHandler extends AlertingHandler<IncidentClosed> {

    IncidentClosedHandler(Alerting alerting) {
        super(EventTypes.INCIDENT_CLOSED, IncidentClosed.class, alerting);
    }

    @Override
    protected Alert render(IncidentClosed closed, ZoneId zone) {
        return IncidentUpdate.closed(
                closed, zone, consoleLink("/console/incident?id=" + closed.incidentId()));
    }
}
