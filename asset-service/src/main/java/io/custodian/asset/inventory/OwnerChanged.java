package io.custodian.asset.inventory;

import io.custodian.asset.ownership.Party;
import java.util.UUID;

/**
 * Fired (synchronous CDI event, inside the transaction) when an asset got a new owner, a person or
 * a group. {@code by} names who made the change when it is not the caller of the current request (a
 * bulk import runs outside any request); null otherwise.
 */
public record OwnerChanged(UUID assetId, Party.Type ownerType, UUID ownerId, String by) {

    /** A change made by the caller of the current request. */
    public OwnerChanged(UUID assetId, Party.Type ownerType, UUID ownerId) {
        this(assetId, ownerType, ownerId, null);
    }
}
