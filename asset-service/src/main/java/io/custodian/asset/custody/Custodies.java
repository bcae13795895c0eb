package io.custodian.asset.custody;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetView;
import io.custodian.asset.inventory.Inventory;
import io.custodian.asset.ownership.PeopleAndGroups;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Custody: who holds an asset. A hand-over needs the person's acknowledgement of the current
 * acceptable-use rules, and each hand-over and return is kept.
 */
@ApplicationScoped
class Custodies {

    private final Inventory inventory;
    private final PeopleAndGroups people;
    private final Clock clock;
    private final Event<AssetReturned> returned;

    Custodies(
            Inventory inventory,
            PeopleAndGroups people,
            Clock clock,
            Event<AssetReturned> returned) {
        this.inventory = inventory;
        this.people = people;
        this.clock = clock;
        this.returned = returned;
    }

    record Checkout(@NotNull UUID personId, @FreeText @Size(max = 1000) String note) {}

    record Checkin(@FreeText @Size(max = 1000) String condition) {}

    @Transactional
    AssetView checkOut(
            UUID assetId, String ifMatch, @NotNull @Valid Checkout request, Caller caller) {
        Person person =
                people.findPerson(request.personId())
                        .orElseThrow(() -> ProblemException.invalid("personId", "no such person"));
        // version and availability first; a refusal below rolls the hand-over back
        Asset asset = inventory.handOver(assetId, ifMatch, person);
        if (person.status != Person.Status.ACTIVE) {
            throw ProblemException.conflict(
                    person.displayName + " is " + person.status.name().toLowerCase() + ".",
                    "personId",
                    "only active people receive assets");
        }
        AcceptableUseVersion current =
                AcceptableUseVersion.current()
                        .orElseThrow(
                                () ->
                                        ProblemException.conflict(
                                                "No acceptable-use rules are published yet: publish"
                                                        + " them (POST /api/v1/acceptable-use)"
                                                        + " before handing out assets.",
                                                null,
                                                null));
        Acknowledgement ack =
                Acknowledgement.of(person, current)
                        .orElseThrow(
                                () ->
                                        ProblemException.conflict(
                                                person.displayName
                                                        + " has not acknowledged the acceptable-use"
                                                        + " rules, version "
                                                        + current.version
                                                        + "; they must acknowledge them first.",
                                                "personId",
                                                "has not acknowledged acceptable-use version "
                                                        + current.version));
        Custody custody = new Custody();
        custody.id = UUID.randomUUID();
        custody.asset = asset;
        custody.person = person;
        custody.acknowledgement = ack;
        custody.checkedOutAt = Instant.now(clock);
        custody.checkedOutBy = caller.email();
        custody.checkoutNote = request.note();
        custody.persist();
        return AssetView.of(asset);
    }

    /** A recovered asset went back to stock: the custody of its last holder ends there. */
    void onRecovered(@Observes Inventory.Recovered event) {
        Custody.open(event.asset())
                .ifPresent(
                        custody -> {
                            custody.checkedInAt = Instant.now(clock);
                            custody.checkedInBy = event.by();
                            custody.condition = event.note();
                        });
    }

    /** The asset whose custody a console page shows (admins only: they read every asset). */
    @Transactional
    AssetView asset(UUID assetId) {
        return inventory
                .find(assetId, null)
                .map(AssetView::of)
                .orElseThrow(() -> ProblemException.notFound("asset", assetId));
    }

    /**
     * The person a console form names by e-mail, as a check-out's {@code personId}; unknown is that
     * field's error.
     */
    UUID personNamed(String email) {
        return people.personNamed(email, "personId");
    }

    @Transactional
    AssetView checkIn(UUID assetId, String ifMatch, @Valid Checkin request, Caller caller) {
        Asset asset = inventory.takeBack(assetId, ifMatch);
        Custody.open(asset)
                .ifPresent(
                        custody -> {
                            custody.checkedInAt = Instant.now(clock);
                            custody.checkedInBy = caller.email();
                            custody.condition = request == null ? null : request.condition();
                        });
        returned.fire(new AssetReturned(asset.id, request == null ? null : request.condition()));
        return AssetView.of(asset);
    }
}
