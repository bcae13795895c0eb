package io.custodian.asset.inventory;

import io.custodian.asset.ownership.Party;
import io.custodian.asset.ownership.PeopleAndGroups;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The register of assets: creation, reading, and the lifecycle transitions other features ask for.
 */
@ApplicationScoped
public class Inventory {

    private final PeopleAndGroups parties;
    private final InventoryConfig config;
    private final Clock clock;

    Inventory(PeopleAndGroups parties, InventoryConfig config, Clock clock) {
        this.parties = parties;
        this.config = config;
        this.clock = clock;
    }

    record OwnerRef(@NotNull Party.Type type, @NotNull UUID id) {}

    record NewAsset(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]*$")
                    String assetTag,
            @NotBlank @Size(max = 200) String name,
            @NotNull Category category,
            @NotNull Classification classification,
            @Size(max = 100) String serialNumber,
            @Size(max = 100) String manufacturer,
            @Size(max = 100) String model,
            @Size(max = 4000) String notes,
            @Size(max = 200) String location,
            LocalDate purchaseDate,
            LocalDate warrantyUntil,
            Posture posture,
            @NotNull @Valid OwnerRef owner) {}

    @Transactional
    Asset create(@NotNull @Valid NewAsset request) {
        String tag = request.assetTag().trim();
        if (Asset.count("assetTag", tag) > 0) {
            throw ProblemException.conflict(
                    "An asset with asset tag " + tag + " already exists.",
                    "assetTag",
                    "already exists");
        }
        Asset asset = new Asset();
        asset.id = UUID.randomUUID();
        asset.assetTag = tag;
        asset.name = request.name().trim();
        asset.category = request.category();
        asset.classification = request.classification();
        asset.status = AssetStatus.IN_STOCK;
        asset.serialNumber = blankToNull(request.serialNumber());
        asset.manufacturer = blankToNull(request.manufacturer());
        asset.model = blankToNull(request.model());
        asset.notes = request.notes();
        asset.location = blankToNull(request.location());
        asset.purchaseDate = request.purchaseDate();
        asset.warrantyUntil = request.warrantyUntil();
        if (request.posture() != null) {
            if (!request.category().isEndpoint()) {
                throw ProblemException.invalid(
                        "posture",
                        "only endpoint devices (laptop, desktop, phone, tablet) have one");
            }
            asset.diskEncrypted = request.posture().diskEncrypted();
            asset.mdmEnrolled = request.posture().mdmEnrolled();
            asset.screenLock = request.posture().screenLock();
        }
        switch (request.owner().type()) {
            case PERSON ->
                    asset.ownerPerson =
                            parties.findPerson(request.owner().id())
                                    .orElseThrow(
                                            () ->
                                                    ProblemException.invalid(
                                                            "owner.id", "no such person"));
            case GROUP ->
                    asset.ownerGroup =
                            parties.findGroup(request.owner().id())
                                    .orElseThrow(
                                            () ->
                                                    ProblemException.invalid(
                                                            "owner.id", "no such group"));
        }
        asset.createdAt = asset.updatedAt = Instant.now(clock);
        asset.nextVerificationDue = asset.createdAt.plus(config.cadence());
        asset.persistAndFlush();
        return asset;
    }

    /** The asset, if the caller may see it; otherwise 404 so that existence does not leak. */
    Asset read(UUID id, Caller caller) {
        Asset asset =
                Asset.<Asset>findByIdOptional(id)
                        .orElseThrow(() -> ProblemException.notFound("asset", id));
        if (!caller.readsEverything() && !asset.isHeldOrOwnedBy(caller.email())) {
            throw ProblemException.notFound("asset", id);
        }
        return asset;
    }

    /** The asset named by id or by tag (exactly one), for a feature that acts on it. */
    public Asset byIdOrTag(UUID id, String tag) {
        if ((id == null) == (tag == null || tag.isBlank())) {
            throw ProblemException.invalid("assetId", "give exactly one of assetId and assetTag");
        }
        if (id != null) {
            return Asset.<Asset>findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.invalid("assetId", "no such asset"));
        }
        return Asset.<Asset>find("assetTag", tag.trim())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("assetTag", "no such asset"));
    }

    /** Move the asset through a legal lifecycle transition; 409 naming both statuses otherwise. */
    public void transition(Asset asset, AssetStatus next) {
        if (!asset.status.canBecome(next)) {
            String from = LowerCaseEnums.of(asset.status);
            String to = LowerCaseEnums.of(next);
            throw ProblemException.conflict(
                    "Asset " + asset.assetTag + " is " + from + " and cannot become " + to + ".",
                    "status",
                    "cannot change from " + from + " to " + to);
        }
        asset.status = next;
        asset.updatedAt = Instant.now(clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
