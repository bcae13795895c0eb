package io.custodian.asset.offboarding;

import io.custodian.asset.custody.AssetReturned;
import io.custodian.asset.incident.AssetReportedMissing;
import io.custodian.asset.inventory.OwnerChanged;
import io.custodian.asset.ownership.Party;
import io.custodian.asset.ownership.Rehired;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.LowerCaseEnums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How other features' events (check-ins, loss reports, owner changes) close pending items, and how
 * a re-hire ends a departure.
 */
@ApplicationScoped
class OffboardingReactions {

    // synchronous observers: they run in the transaction of the feature that fired the event

    private final Offboardings offboardings;
    private final OffboardingEvents events;
    private final Caller caller;

    OffboardingReactions(Offboardings offboardings, OffboardingEvents events, Caller caller) {
        this.offboardings = offboardings;
        this.events = events;
        this.caller = caller;
    }

    /** HR re-hired a departed person: their departure is over, and everyone who kept it is told. */
    void onRehired(@Observes Rehired rehired) {
        events.reactivated(rehired.person(), LowerCaseEnums.of(rehired.source()), caller.email());
    }

    /** A check-in closes the asset's pending return items: returned, with the condition. */
    void onReturned(@Observes AssetReturned returned) {
        offboardings.closePending(
                returned.assetId(),
                OffboardingItem.Kind.RETURN,
                OffboardingItem.Status.RETURNED,
                returned.condition(),
                null,
                null);
    }

    /** A loss or theft report closes the asset's pending return items: lost. */
    void onReportedMissing(@Observes AssetReportedMissing missing) {
        offboardings.closePending(
                missing.assetId(),
                OffboardingItem.Kind.RETURN,
                OffboardingItem.Status.LOST,
                null,
                null,
                null);
    }

    /** A new owner (anyone but the leaver) closes the asset's pending transfer items. */
    void onOwnerChanged(@Observes OwnerChanged changed) {
        offboardings.closePending(
                changed.assetId(),
                OffboardingItem.Kind.OWNERSHIP_TRANSFER,
                OffboardingItem.Status.TRANSFERRED,
                null,
                changed.ownerType() == Party.Type.PERSON ? changed.ownerId() : null,
                changed.by());
    }
}
