package io.custodian.asset.inventory;

import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The descriptive fields of an asset: what PUT replaces and PATCH merges into. Owner, holder,
 * status and verification have actions of their own and are not settable here.
 */
record AssetDetails(
        @NotBlank @Size(max = 200) String name,
        @NotNull Category category,
        @NotNull Classification classification,
        @Size(max = 100) String serialNumber,
        @Size(max = 100) String manufacturer,
        @Size(max = 100) String model,
        @FreeText @Size(max = 4000) String notes,
        @Size(max = 200) String location,
        LocalDate purchaseDate,
        LocalDate warrantyUntil,
        Posture posture) {

    static AssetDetails of(Asset a) {
        return new AssetDetails(
                a.name,
                a.category,
                a.classification,
                a.serialNumber,
                a.manufacturer,
                a.model,
                a.notes,
                a.location,
                a.purchaseDate,
                a.warrantyUntil,
                Posture.of(a));
    }

    /** Writes these fields onto the asset, after the rule that only endpoints have a posture. */
    void applyTo(Asset asset) {
        if (posture() != null && !category().isEndpoint()) {
            throw ProblemException.invalid(
                    "posture", "only endpoint devices (laptop, desktop, phone, tablet) have one");
        }
        asset.name = name().trim();
        asset.category = category();
        asset.classification = classification();
        asset.serialNumber = blankToNull(serialNumber());
        asset.manufacturer = blankToNull(manufacturer());
        asset.model = blankToNull(model());
        asset.notes = notes();
        asset.location = blankToNull(location());
        asset.purchaseDate = purchaseDate();
        asset.warrantyUntil = warrantyUntil();
        asset.diskEncrypted = posture == null ? null : posture.diskEncrypted();
        asset.mdmEnrolled = posture == null ? null : posture.mdmEnrolled();
        asset.screenLock = posture == null ? null : posture.screenLock();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
