package io.custodian.notification.incident;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentContained;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/** {@code asset.incident.contained}: the first containment action was recorded. */
@Singleton
class IncidentContainedHandler extends AlertingHandler<IncidentContained> {

    IncidentContainedHandler(Alerting alerting) {
        super(EventTypes.INCIDENT_CONTAINED, IncidentContained.class, alerting);
    }

    @Override
    protected Alert render(IncidentContained contained, ZoneId zone) {
        return IncidentUpdate.contained(
                contained, zone, consoleLink("/console/incident?id=" + contained.incidentId()));
    }
}
