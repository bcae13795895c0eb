package io.custodian.notification.incident;

import io.custodian.api.event.IncidentReported;
import java.util.HashMap;
import java.util.Map;

/**
 * The parties an incident event names, as routes may address them: {@code reporter}, {@code owner}
 * (the asset's owner, a person or a group's contact address) and {@code holder}. A party the event
 * lacks (a personal device has no owner) is left out.
 */
final class IncidentParties {

    private IncidentParties() {}

    static Map<String, String> of(
            String reporter, IncidentReported.Party owner, IncidentReported.Party holder) {
        Map<String, String> parties = new HashMap<>();
        if (reporter != null) {
            parties.put("reporter", reporter);
        }
        if (owner != null && owner.email() != null) {
            parties.put("owner", owner.email());
        }
        if (holder != null && holder.email() != null) {
            parties.put("holder", holder.email());
        }
        return Map.copyOf(parties);
    }
}
