package io.custodian.asset.inventory;

import com.fasterxml.jackson.annotation.JsonValue;

/** Data classification of what an asset stores, processes or transmits. */
public enum Classification {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    RESTRICTED;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return json();
    }
}
