package io.custodian.asset.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.custodian.asset.ownership.Party;
import io.custodian.asset.ownership.PeopleAndGroups;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.MergePatch;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The register of assets: creation, reading, and the lifecycle transitions other features ask for.
 */
@ApplicationScoped
public class Inventory {

    private final PeopleAndGroups parties;
    private final InventoryConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final Validator validator;
    private final Event<Recovered> recovered;
    private final Event<OwnerChanged> ownerChanged;

    Inventory(
            PeopleAndGroups parties,
            InventoryConfig config,
            Clock clock,
            ObjectMapper json,
            Validator validator,
            Event<Recovered> recovered,
            Event<OwnerChanged> ownerChanged) {
        this.parties = parties;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.validator = validator;
        this.recovered = recovered;
        this.ownerChanged = ownerChanged;
    }

    /**
     * Fired (synchronously, in the transaction) when a lost or stolen asset came back to stock, so
     * that whoever tracks its custody ends it.
     */
    public record Recovered(Asset asset, String by, String note) {}

    record OwnerRef(@NotNull Party.Type type, @NotNull UUID id) {}

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
        asset.status = AssetStatus.IN_STOCK;
        request.details().applyTo(asset);
        setOwner(asset, request.owner());
        asset.createdAt = asset.updatedAt = Instant.now(clock);
        asset.nextVerificationDue = asset.createdAt.plus(config.cadence());
        asset.persistAndFlush();
        return asset;
    }

    record Transition(@NotNull AssetStatus status, @FreeText @Size(max = 500) String reason) {}

    /** PUT: replace the descriptive fields, if the caller read the current version. */
    @Transactional
    AssetView replace(UUID id, String ifMatch, @NotNull @Valid AssetDetails details) {
        Asset asset = forUpdate(id, ifMatch);
        details.applyTo(asset);
        return touch(asset);
    }

    /** PATCH (JSON merge patch, RFC 7396): change only the fields the patch names. */
    @Transactional
    AssetView patch(UUID id, String ifMatch, @NotNull ObjectNode patch)
            throws JsonProcessingException {
        Asset asset = forUpdate(id, ifMatch);
        ObjectNode merged = json.valueToTree(AssetDetails.of(asset));
        MergePatch.apply(merged, patch);
        AssetDetails details = json.treeToValue(merged, AssetDetails.class);
        var violations = validator.validate(details);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        details.applyTo(asset);
        return touch(asset);
    }

    /** A lifecycle step by an admin; loss and theft go through the incident report instead. */
    @Transactional
    AssetView transition(UUID id, String ifMatch, @NotNull @Valid Transition request) {
        if (request.status() == AssetStatus.LOST || request.status() == AssetStatus.STOLEN) {
            throw ProblemException.invalid(
                    "status",
                    "report a loss or theft with POST /api/v1/incidents, which alerts leadership");
        }
        Asset asset = forUpdate(id, ifMatch);
        transition(asset, request.status());
        return touch(asset);
    }

    /**
     * The statuses an admin may move an asset in {@code from} to with {@link #transition}: its
     * legal lifecycle steps but loss and theft, which are reported as incidents.
     */
    static List<AssetStatus> nextSteps(AssetStatus from) {
        return java.util.Arrays.stream(AssetStatus.values())
                .filter(next -> next != AssetStatus.LOST && next != AssetStatus.STOLEN)
                .filter(from::canBecome)
                .toList();
    }

    /** Hand the asset's accountability to another person or group: its own recorded action. */
    @Transactional
    AssetView changeOwner(UUID id, String ifMatch, @NotNull @Valid OwnerRef owner) {
        Asset asset = forUpdate(id, ifMatch);
        setOwner(asset, owner);
        ownerChanged.fire(new OwnerChanged(asset.id, owner.type(), owner.id()));
        return touch(asset);
    }

    /**
     * The owner a console form names: a person by e-mail or a group by name, refused at {@code
     * owner.type} or {@code owner.id} as the API's owner change names them.
     */
    @Transactional
    OwnerRef ownerNamed(Party.Type type, String name) {
        if (type == null) {
            throw ProblemException.invalid("owner.type", "choose a person or a group");
        }
        UUID id =
                type == Party.Type.GROUP
                        ? parties.groupNamed(name, "owner.id")
                        : parties.personNamed(name, "owner.id");
        return new OwnerRef(type, id);
    }

    /**
     * Custody, inside the caller's transaction: hand an available asset to a person (in_stock →
     * in_use). 409 when the asset is not in stock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Asset handOver(UUID id, String ifMatch, Person person) {
        Asset asset = forUpdate(id, ifMatch);
        if (asset.status != AssetStatus.IN_STOCK) {
            throw ProblemException.conflict(
                    "Asset "
                            + asset.assetTag
                            + " is "
                            + LowerCaseEnums.of(asset.status)
                            + ", not in stock: it can't be checked out.",
                    "status",
                    "must be in_stock to check out");
        }
        transition(asset, AssetStatus.IN_USE);
        asset.holder = person;
        touch(asset);
        return asset;
    }

    /** Custody, inside the caller's transaction: take the asset back into stock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Asset takeBack(UUID id, String ifMatch) {
        Asset asset = forUpdate(id, ifMatch);
        if (asset.holder == null) {
            throw ProblemException.conflict(
                    "Asset " + asset.assetTag + " is not checked out to anyone.", null, null);
        }
        transition(asset, AssetStatus.IN_STOCK);
        asset.holder = null;
        touch(asset);
        return asset;
    }

    /**
     * Recovery, inside the caller's transaction: a lost or stolen asset is back and returns to
     * stock through its legal lifecycle ({@code lost | stolen → recovered → in_stock}); its holder
     * is cleared and their custody ends. 409 naming both statuses when the asset is no longer lost
     * or stolen (e.g. it was retired meanwhile).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recover(Asset asset, String by, String note) {
        transition(asset, AssetStatus.RECOVERED);
        transition(asset, AssetStatus.IN_STOCK);
        asset.holder = null;
        touch(asset);
        recovered.fire(new Recovered(asset, by, note));
    }

    /**
     * The assets a person holds or owns (themselves or through a group), by tag, as the API shows
     * them (the console's My assets, and its choice of what to report lost).
     */
    @Transactional
    public List<AssetView> viewsHeldOrOwnedBy(String email) {
        return heldOrOwnedBy(email).stream().map(AssetView::of).toList();
    }

    /** The assets a person holds or owns, themselves or through a group they are in, by tag. */
    List<Asset> heldOrOwnedBy(String email) {
        return Asset.<Asset>find(
                        "from Asset a left join fetch a.holder h left join fetch a.ownerPerson p"
                                + " left join fetch a.ownerGroup g"
                                + " where lower(h.email) = ?1 or lower(p.email) = ?1 or exists"
                                + " (select 1 from AssetGroup mg join mg.members m where mg = g"
                                + " and lower(m.email) = ?1) order by a.assetTag",
                        email.toLowerCase(java.util.Locale.ROOT))
                .list();
    }

    /** The asset, if the caller may see it; otherwise 404 so that existence does not leak. */
    Asset read(UUID id, Caller caller) {
        // one statement: the asset with its owner and holder, as the view needs them
        Asset asset =
                Asset.<Asset>find(
                                "from Asset a left join fetch a.ownerPerson left join fetch"
                                        + " a.ownerGroup left join fetch a.holder where a.id = ?1",
                                id)
                        .firstResultOptional()
                        .orElseThrow(() -> ProblemException.notFound("asset", id));
        if (!caller.readsEverything() && !asset.isHeldOrOwnedBy(caller.email())) {
            throw ProblemException.notFound("asset", id);
        }
        return asset;
    }

    /** The asset named by id or by tag (exactly one), for a feature that acts on it. */
    public Asset byIdOrTag(UUID id, String tag) {
        return byIdOrTag(id, tag, asset -> true, "no such asset");
    }

    /**
     * The asset with this id or tag, if the caller may see it ({@code visible}); else the same 422
     * naming the field as for an asset that does not exist ({@code missing}), so that an answer
     * never tells an object the caller may not read from one that is not there.
     */
    public Asset byIdOrTag(UUID id, String tag, Predicate<Asset> visible, String missing) {
        if ((id == null) == (tag == null || tag.isBlank())) {
            throw ProblemException.invalid("assetId", "give exactly one of assetId and assetTag");
        }
        return find(id, tag)
                .filter(visible)
                .orElseThrow(
                        () ->
                                ProblemException.invalid(
                                        id != null ? "assetId" : "assetTag", missing));
    }

    /** The asset with this id, else with this tag (trimmed); empty when neither finds one. */
    public Optional<Asset> find(UUID id, String tag) {
        if (id != null) {
            return Asset.findByIdOptional(id);
        }
        return tag == null || tag.isBlank()
                ? Optional.empty()
                : Asset.<Asset>find("assetTag", tag.strip()).firstResultOptional();
    }

    /**
     * The asset, reloaded under a row lock held to the end of the transaction: a change that
     * depends on its status (a loss report) waits for the one before it and sees its outcome.
     */
    public Asset locked(Asset asset) {
        Asset.getEntityManager().refresh(asset, LockModeType.PESSIMISTIC_WRITE);
        return asset;
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
        asset.settleDiscrepancy();
        asset.updatedAt = Instant.now(clock);
    }

    private Asset forUpdate(UUID id, String ifMatch) {
        Asset asset =
                Asset.<Asset>findByIdOptional(id)
                        .orElseThrow(() -> ProblemException.notFound("asset", id));
        Versions.requireMatch(ifMatch, asset.version, "asset");
        return asset;
    }

    /**
     * Stamp and flush the change; the view is taken inside the transaction, with the new version.
     */
    private AssetView touch(Asset asset) {
        asset.updatedAt = Instant.now(clock);
        asset.persistAndFlush();
        return AssetView.of(asset);
    }

    private void setOwner(Asset asset, OwnerRef owner) {
        asset.ownerPerson = null;
        asset.ownerGroup = null;
        switch (owner.type()) {
            case PERSON ->
                    asset.ownerPerson =
                            parties.findPerson(owner.id())
                                    .orElseThrow(
                                            () ->
                                                    ProblemException.invalid(
                                                            "owner.id", "no such person"));
            case GROUP ->
                    asset.ownerGroup =
                            parties.findGroup(owner.id())
                                    .orElseThrow(
                                            () ->
                                                    ProblemException.invalid(
                                                            "owner.id", "no such group"));
        }
    }
}
