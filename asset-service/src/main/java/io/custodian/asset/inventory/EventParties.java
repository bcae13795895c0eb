package io.custodian.asset.inventory;

import io.custodian.api.event.IncidentReported;
import io.custodian.asset.ownership.Group;
import io.custodian.asset.ownership.Person;

/** An asset's owner and holder as event payloads name them, so every event says it the same way. */
public final class EventParties {

    private EventParties() {}

    public static IncidentReported.Party owner(Asset asset) {
        return asset.ownerPerson != null ? of(asset.ownerPerson) : of(asset.ownerGroup);
    }

    /** The holder, or null when nobody holds the asset. */
    public static IncidentReported.Party holder(Asset asset) {
        return asset.holder == null ? null : of(asset.holder);
    }

    private static IncidentReported.Party of(Person p) {
        return new IncidentReported.Party("person", p.id, p.displayName, p.email);
    }

    private static IncidentReported.Party of(Group g) {
        return new IncidentReported.Party("group", g.id, g.name, g.contactEmail);
    }
}
