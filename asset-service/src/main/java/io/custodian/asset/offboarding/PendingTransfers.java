package io.custodian.asset.offboarding;

/**
 * The off-boarding's pending ownership transfers, for a set-based writer of the register (an
 * import) that must settle them as an owner change through the API does: the off-boarding tables
 * stay this feature's, and the writer asks in SQL through this query alone.
 */
public final class PendingTransfers {

    /** SQL: the ids of the assets with a pending ownership-transfer item (no parameters). */
    public static final String ASSET_IDS =
            "select i.asset_id from offboarding_item i where i.kind = 'OWNERSHIP_TRANSFER' and"
                    + " i.status = 'PENDING'";

    private PendingTransfers() {}
}
