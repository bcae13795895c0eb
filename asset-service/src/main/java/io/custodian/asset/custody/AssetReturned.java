package io.custodian.asset.custody;

import java.util.UUID;

/**
 * Fired (synchronous CDI event, inside the transaction) when a held asset was checked in, with the
 * condition noted.
 */
public record AssetReturned(UUID assetId, String condition) {}
