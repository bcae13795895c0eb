package io.custodian.asset.inventory;

import io.custodian.asset.web.FreeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code POST /api/v1/assets}: a new asset's tag, descriptive fields and owner. */
record NewAsset(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]*$")
                String assetTag,
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
        Posture posture,
        @NotNull @Valid Inventory.OwnerRef owner) {

    /** The descriptive fields of the request. */
    AssetDetails details() {
        return new AssetDetails(
                name,
                category,
                classification,
                serialNumber,
                manufacturer,
                model,
                notes,
                location,
                purchaseDate,
                warrantyUntil,
                posture);
    }
}
