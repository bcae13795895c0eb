package io.custodian.asset.incident;

import java.util.UUID;

/**
 * Fired (synchronous CDI event, inside the transaction) when an asset was reported lost or stolen.
 */
public record AssetReportedMissing(UUID assetId, UUID incidentId) {}
