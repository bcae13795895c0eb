package io.custodian.notification.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentContained;
import io.custodian.notification.NotificationConfig;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertDispatcher;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/** {@code asset.incident.contained}: the first containment action was recorded. */
@Singleton
class IncidentContainedHandler extends AlertingHandler<IncidentContained> {

    IncidentContainedHandler(
            ObjectMapper mapper, AlertDispatcher dispatcher, NotificationConfig config) {
        super(EventTypes.INCIDENT_CONTAINED, IncidentContained.class, mapper, dispatcher, config);
    }

    @Override
    protected Alert render(IncidentContained contained, ZoneId zone) {
        return IncidentUpdate.contained(
                contained, zone, consoleLink("/console/incident?id=" + contained.incidentId()));
    }
}
