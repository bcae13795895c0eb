package io.custodian.asset.inventory;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle status, with the only legal transitions. */
public enum AssetStatus {
    IN_STOCK,
    IN_USE,
    IN_REPAIR,
    PENDING_RETURN,
    LOST,
    STOLEN,
    RECOVERED,
    RETIRED,
    DISPOSED;

    /** States from which a device can go missing: anything still in the company's hands. */
    private static final Set<AssetStatus> CAN_GO_MISSING =
            EnumSet.of(IN_STOCK, IN_USE, IN_REPAIR, PENDING_RETURN, RECOVERED);

    public boolean canBecome(AssetStatus next) {
        return switch (next) {
            case LOST, STOLEN -> CAN_GO_MISSING.contains(this);
            case IN_USE -> this == IN_STOCK || this == IN_REPAIR;
            case IN_REPAIR -> this == IN_USE || this == IN_STOCK;
            case PENDING_RETURN -> this == IN_USE;
            case RECOVERED -> this == LOST || this == STOLEN;
            case IN_STOCK ->
                    this == RECOVERED
                            || this == PENDING_RETURN
                            || this == IN_USE
                            || this == IN_REPAIR;
            case RETIRED -> this == IN_STOCK || this == LOST || this == STOLEN;
            case DISPOSED -> this == RETIRED;
        };
    }
}
