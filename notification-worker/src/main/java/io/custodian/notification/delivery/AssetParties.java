package io.custodian.notification.delivery;

import io.custodian.api.event.IncidentReported;
import java.util.HashMap;
import java.util.Map;

/**
 * The parties an asset's event names, as routes may address them: {@code reporter}, {@code owner}
 * (the asset's owner, a person or a group's contact address) and {@code holder}; and how an alert
 * names one. A party the event lacks (a personal device has no owner) is left out.
 */
public final class AssetParties {

    private AssetParties() {}

    /** The addresses of the parties the event names; {@code reporter} may be null. */
    public static Map<String, String> of(
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

    /** {@code Name <email>}, or the name alone; {@code null} for no party. */
    public static String describe(IncidentReported.Party party) {
        if (party == null) {
            return null;
        }
        return party.email() == null ? party.name() : party.name() + " <" + party.email() + ">";
    }
}
