package io.custodian.asset.offboarding;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.LeaversAssets;
import io.custodian.asset.ownership.PeopleAndGroups;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.ProblemException;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The off-boarding's commands: the return of assets when someone leaves. The HR system starts an
 * off-boarding (webhook here, SCIM deprovisioning through {@link #start}); every asset the person
 * holds becomes a return item and every asset they own personally an ownership-transfer item.
 * Check-ins, loss reports and owner changes close items ({@link OffboardingReactions}); leadership
 * may waive an item. When nothing is pending the off-boarding is completed and the person has
 * departed. Overdue returns are escalated by {@link Escalations}.
 */
@ApplicationScoped
public class Offboardings {

    private final OffboardingStore store;
    private final LeaversAssets leavers;
    private final OffboardingEvents events;
    private final OffboardingSearch search;
    private final PeopleAndGroups people;
    private final Clock clock;
    private final Caller caller;

    Offboardings(
            OffboardingStore store,
            LeaversAssets leavers,
            OffboardingEvents events,
            OffboardingSearch search,
            PeopleAndGroups people,
            Clock clock,
            Caller caller) {
        this.store = store;
        this.people = people;
        this.leavers = leavers;
        this.events = events;
        this.search = search;
        this.clock = clock;
        this.caller = caller;
    }

    record PersonRef(
            @Size(min = 1, max = 64) String employeeId, @Email @Size(max = 254) String email) {}

    record StartRequest(
            @NotNull @Valid PersonRef person,
            @NotNull LocalDate lastWorkingDay,
            @Size(min = 1, max = 200) String reference) {}

    record Waiver(@FreeText @NotBlank @Size(max = 1000) String reason) {}

    /** The result of a start: the off-boarding, and whether this call created it. */
    public record Started(Offboarding offboarding, boolean created) {}

    /** The id of the person's open off-boarding, if they have one (for SCIM's re-activation). */
    public Optional<UUID> openFor(Person person) {
        Offboarding open = store.openOf(person);
        return open == null ? Optional.empty() : Optional.of(open.id);
    }

    /** The webhook's result, mapped inside the transaction. */
    record StartedView(OffboardingView offboarding, boolean created) {}

    /**
     * The HR webhook: idempotent by {@code reference}, or without one by the {@code
     * Idempotency-Key}; the same key with another person or last day is a 409.
     */
    @Transactional
    StartedView startByWebhook(@NotNull @Valid StartRequest request, String idempotencyKey) {
        String reference = blankToNull(request.reference());
        String key = blankToNull(idempotencyKey);
        if (reference == null && key == null) {
            throw ProblemException.invalid(
                    "reference", "give a reference or an Idempotency-Key header");
        }
        if (key != null && key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "must be at most 200 characters");
        }
        Person person = person(request.person());
        Outcome started =
                start(person, request.lastWorkingDay(), Offboarding.Source.WEBHOOK, reference, key);
        Offboarding o = started.offboarding();
        OffboardingView view =
                started.items() == null
                        ? search.view(o)
                        : search.view(o, started.items(), LocalDate.now(clock));
        return new StartedView(view, started.created());
    }

    /**
     * Start the off-boarding of this person, in the caller's transaction (or a new one). Idempotent
     * per person while an off-boarding is open: a replay (SCIM deprovisioning sent again, with no
     * reference) returns the open one whatever its last working day.
     */
    @Transactional
    public Started start(
            Person person, LocalDate lastWorkingDay, Offboarding.Source source, String reference) {
        Outcome outcome = start(person, lastWorkingDay, source, blankToNull(reference), null);
        return new Started(outcome.offboarding(), outcome.created());
    }

    /** A start's result, with the new off-boarding's items (null when it existed already). */
    private record Outcome(Offboarding offboarding, boolean created, List<OffboardingItem> items) {}

    private Outcome start(
            Person person,
            LocalDate lastWorkingDay,
            Offboarding.Source source,
            String reference,
            String key) {
        // one start at a time per person: a concurrent replay waits here, then finds the first
        Person leaver = people.locked(person); // one start at a time per person
        Offboarding same = reference != null ? store.byReference(reference) : null;
        if (same == null && key != null) {
            same = store.byIdempotencyKey(key);
        }
        if (same != null) {
            if (!same.person.id.equals(leaver.id)
                    || !same.lastWorkingDay.equals(lastWorkingDay)
                    || !Objects.equals(same.reference, reference)) {
                String field = reference != null ? "reference" : "Idempotency-Key";
                throw ProblemException.conflict(
                        "Off-boarding "
                                + same.id
                                + " was started with this "
                                + field
                                + " for another person or last working day.",
                        field,
                        "already used for a different off-boarding");
            }
            return new Outcome(same, false, null);
        }
        Offboarding open = store.openOf(leaver);
        if (open != null) {
            if (reference == null && key == null || open.lastWorkingDay.equals(lastWorkingDay)) {
                return new Outcome(open, false, null);
            }
            throw ProblemException.conflict(
                    leaver.displayName
                            + " already has an open off-boarding ("
                            + open.id
                            + ") with last working day "
                            + open.lastWorkingDay
                            + ".",
                    "lastWorkingDay",
                    "an open off-boarding has another last working day");
        }
        return create(leaver, lastWorkingDay, source, reference, key);
    }

    private Outcome create(
            Person person,
            LocalDate lastWorkingDay,
            Offboarding.Source source,
            String reference,
            String key) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Offboarding o = new Offboarding();
        o.id = UUID.randomUUID();
        o.person = person;
        o.lastWorkingDay = lastWorkingDay;
        o.source = source;
        o.reference = reference;
        o.idempotencyKey = key;
        o.status = Offboarding.Status.OPEN;
        o.startedAt = now;
        o.startedBy = actor();
        store.persist(o);

        person.status = Person.Status.LEAVING;
        person.updatedAt = now;

        List<OffboardingItem> items = new ArrayList<>();
        for (Asset asset : leavers.heldOrOwnedBy(person)) {
            if (asset.holder != null && asset.holder.id.equals(person.id)) {
                boolean missing =
                        asset.status == AssetStatus.LOST || asset.status == AssetStatus.STOLEN;
                OffboardingItem item = item(o, asset, OffboardingItem.Kind.RETURN);
                if (missing) {
                    close(item, OffboardingItem.Status.LOST, now, "system", null, null);
                }
                items.add(item);
            }
            if (asset.ownerPerson != null && asset.ownerPerson.id.equals(person.id)) {
                items.add(item(o, asset, OffboardingItem.Kind.OWNERSHIP_TRANSFER));
            }
        }
        store.persist(items);
        items.sort(OffboardingView.ITEM_ORDER);
        events.started(o, items);
        if (items.stream().noneMatch(i -> i.status == OffboardingItem.Status.PENDING)) {
            complete(o, items);
        }
        return new Outcome(o, true, items);
    }

    private static OffboardingItem item(Offboarding o, Asset asset, OffboardingItem.Kind kind) {
        OffboardingItem item = new OffboardingItem();
        item.id = UUID.randomUUID();
        item.offboarding = o;
        item.asset = asset;
        item.kind = kind;
        item.status = OffboardingItem.Status.PENDING;
        return item;
    }

    // --- items close ------------------------------------------------------------------------

    /**
     * Closes the asset's pending items of this kind, in the caller's transaction, except those of
     * the off-boarding of {@code unlessOwnedBy}; {@code by} is who acted (null: the caller).
     */
    void closePending(
            UUID assetId,
            OffboardingItem.Kind kind,
            OffboardingItem.Status outcome,
            String condition,
            UUID unlessOwnedBy,
            String by) {
        List<OffboardingItem> pending = store.pending(assetId, kind);
        Instant now = Instant.now(clock);
        for (OffboardingItem item : pending) {
            if (unlessOwnedBy != null && unlessOwnedBy.equals(item.offboarding.person.id)) {
                continue;
            }
            close(item, outcome, now, by != null ? by : actor(), condition, null);
            completeIfDone(item.offboarding);
        }
    }

    /** Leadership waives a pending item, with a reason. */
    @Transactional
    OffboardingView waive(
            UUID offboardingId, UUID itemId, @NotNull @Valid Waiver waiver, Caller caller) {
        OffboardingItem item =
                store.item(offboardingId, itemId)
                        .orElseThrow(() -> ProblemException.notFound("off-boarding item", itemId));
        if (item.offboarding.person.email.equalsIgnoreCase(caller.email())) {
            throw ProblemException.forbidden(
                    "You can't waive an item of your own off-boarding; another leader decides.");
        }
        if (item.status != OffboardingItem.Status.PENDING) {
            throw ProblemException.conflict(
                    "The item for "
                            + item.asset.assetTag
                            + " is already "
                            + LowerCaseEnums.of(item.status)
                            + ".",
                    "itemId",
                    "is not pending");
        }
        close(
                item,
                OffboardingItem.Status.WAIVED,
                Instant.now(clock),
                caller.email(),
                null,
                waiver.reason().trim());
        completeIfDone(item.offboarding);
        return search.view(item.offboarding);
    }

    private static void close(
            OffboardingItem item,
            OffboardingItem.Status outcome,
            Instant at,
            String by,
            String condition,
            String reason) {
        item.status = outcome;
        item.closedAt = at;
        item.closedBy = by;
        item.condition = condition;
        item.waiverReason = reason;
    }

    private void completeIfDone(Offboarding o) {
        if (o.status != Offboarding.Status.OPEN) {
            return;
        }
        List<OffboardingItem> items = store.itemsOf(o);
        if (items.stream().noneMatch(i -> i.status == OffboardingItem.Status.PENDING)) {
            complete(o, items);
        }
    }

    /** Every item is closed: the off-boarding is completed and the person has departed. */
    private void complete(Offboarding o, List<OffboardingItem> items) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        o.status = Offboarding.Status.COMPLETED;
        o.completedAt = now;
        o.person.status = Person.Status.DEPARTED;
        o.person.updatedAt = now;
        events.completed(o, items);
    }

    // --- helpers ----------------------------------------------------------------------------

    private static Person person(PersonRef ref) {
        String employeeId = blankToNull(ref.employeeId());
        String email = blankToNull(ref.email());
        if (employeeId == null && email == null) {
            throw ProblemException.invalid("person", "give employeeId or email");
        }
        Person byId = null;
        if (employeeId != null) {
            byId =
                    Person.findByEmployeeId(employeeId)
                            .orElseThrow(
                                    () ->
                                            ProblemException.invalid(
                                                    "person.employeeId", "no such person"));
        }
        if (email != null) {
            Person byEmail =
                    Person.findByEmail(email.toLowerCase(Locale.ROOT))
                            .orElseThrow(
                                    () ->
                                            ProblemException.invalid(
                                                    "person.email", "no such person"));
            if (byId != null && byId != byEmail) {
                throw ProblemException.invalid(
                        "person.email", "names another person than person.employeeId");
            }
            return byEmail;
        }
        return byId;
    }

    /** Who acts: the caller's e-mail, or {@code system} outside a request (scheduled jobs). */
    private String actor() {
        return Arc.container().requestContext().isActive() ? caller.email() : "system";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
