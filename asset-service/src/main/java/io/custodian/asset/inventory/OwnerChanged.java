package io.custodian.asset.inventory;

import io.custodian.asset.ownership.Party;
import java.util.UUID;

/**
 * Fired (synchronous CDI event, inside the transaction) when an asset got a new owner, a person or
 * a group.
 */
public record OwnerChanged(UUID assetId, Party.Type ownerType, UUID ownerId) {}
