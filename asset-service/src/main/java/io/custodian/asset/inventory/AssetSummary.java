package io.custodian.asset.inventory;

import java.util.UUID;

/** An asset in a few words, as lists of other features (off-boardings, reports) name it. */
public record AssetSummary(
        UUID id, String assetTag, String name, Category category, AssetStatus status) {

    public static AssetSummary of(Asset a) {
        return new AssetSummary(a.id, a.assetTag, a.name, a.category, a.status);
    }
}
