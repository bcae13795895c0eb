package io.custodian.asset.inventory;

/** Data classification of what an asset stores, processes or transmits. */
public enum Classification {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    RESTRICTED;
}
