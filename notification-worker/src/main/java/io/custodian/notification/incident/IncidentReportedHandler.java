package io.custodian.notification.incident;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.IncidentReported;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code asset.incident.reported}: a device was lost or stolen; leadership is alerted. Parties: the
 * asset's {@code owner} and {@code holder}, and the {@code reporter}.
 */
@Singleton
class IncidentReportedHandler extends AlertingHandler<IncidentReported> {

    IncidentReportedHandler(Alerting alerting) {
        super(EventTypes.INCIDENT_REPORTED, IncidentReported.class, alerting);
    }

    @Override
    protected Alert render(IncidentReported incident, ZoneId zone) {
        IncidentAlert alert =
                IncidentAlert.of(
                        incident,
                        zone,
                        consoleLink("/console/incident?id=" + incident.incidentId()));
        Map<String, String> parties = new HashMap<>();
        party(parties, "owner", incident.owner());
        party(parties, "holder", incident.holder());
        if (incident.reportedBy() != null && !incident.reportedBy().isBlank()) {
            parties.put("reporter", incident.reportedBy());
        }
        return alert.alert(Map.copyOf(parties));
    }

    private static void party(
            Map<String, String> parties, String name, IncidentReported.Party party) {
        if (party != null && party.email() != null && !party.email().isBlank()) {
            parties.put(name, party.email());
        }
    }
}
