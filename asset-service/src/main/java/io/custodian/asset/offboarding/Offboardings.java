package io.custodian.asset.offboarding;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.OffboardingCompleted;
import io.custodian.api.event.OffboardingReturnOverdue;
import io.custodian.api.event.OffboardingStarted;
import io.custodian.asset.custody.AssetReturned;
import io.custodian.asset.incident.AssetReportedMissing;
import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.OwnerChanged;
import io.custodian.asset.outbox.Outbox;
import io.custodian.asset.ownership.Party;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.security.Caller;
import io.custodian.asset.security.Roles;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Return of assets when someone leaves. The HR system starts an off-boarding (webhook here, SCIM
 * deprovisioning through {@link #start}); every asset the person holds becomes a return item and
 * every asset they own personally an ownership-transfer item. Check-ins, loss reports and owner
 * changes close items through the CDI events those features fire; leadership may waive an item.
 * When nothing is pending the off-boarding is completed and the person has departed. A daily job
 * escalates returns that are overdue, once per day.
 */
@ApplicationScoped
public class Offboardings {

    private static final Logger LOG = Logger.getLogger(Offboardings.class);
    private static final int ESCALATION_BATCH = 200;

    private final Outbox outbox;
    private final OffboardingConfig config;
    private final Clock clock;
    private final Caller caller;

    Offboardings(Outbox outbox, OffboardingConfig config, Clock clock, Caller caller) {
        this.outbox = outbox;
        this.config = config;
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
                        ? view(o)
                        : OffboardingView.of(
                                o,
                                started.items(),
                                overdue(o, started.items(), LocalDate.now(clock)));
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
        EntityManager db = Person.getEntityManager();
        Person leaver = db.contains(person) ? person : db.find(Person.class, person.id);
        db.refresh(leaver, LockModeType.PESSIMISTIC_WRITE);
        Offboarding same = reference != null ? byReference(reference) : null;
        if (same == null && key != null) {
            same = Offboarding.<Offboarding>find("idempotencyKey", key).firstResult();
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
        Offboarding open =
                Offboarding.<Offboarding>find(
                                "person = ?1 and status = ?2", leaver, Offboarding.Status.OPEN)
                        .firstResult();
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
        o.persist();

        person.status = Person.Status.LEAVING;
        person.updatedAt = now;

        // one query for everything the person holds or owns (each side has its index)
        List<Asset> assets =
                Asset.<Asset>find(
                                "from Asset a where a.holder = ?1 or a.ownerPerson = ?1"
                                        + " order by a.assetTag",
                                person)
                        .list();
        List<OffboardingItem> items = new ArrayList<>();
        for (Asset asset : assets) {
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
        // one JDBC batch for the items rather than a round trip each
        Offboarding.getSession().setJdbcBatchSize(Math.max(items.size(), 1));
        items.forEach(i -> i.persist());
        items.sort(OffboardingView.ITEM_ORDER);
        outbox.append(
                "offboarding",
                o.id,
                EventTypes.OFFBOARDING_STARTED,
                "offboardings/" + o.id,
                new OffboardingStarted(
                        o.id,
                        eventPerson(person),
                        eventPerson(person.manager),
                        o.lastWorkingDay,
                        LowerCaseEnums.of(o.source),
                        o.reference,
                        o.startedAt,
                        items.stream().map(Offboardings::eventItem).toList()));
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

    /** A check-in closes the asset's pending return items: returned, with the condition. */
    void onReturned(@Observes AssetReturned returned) {
        closePending(
                returned.assetId(),
                OffboardingItem.Kind.RETURN,
                OffboardingItem.Status.RETURNED,
                returned.condition(),
                null,
                null);
    }

    /** A loss or theft report closes the asset's pending return items: lost. */
    void onReportedMissing(@Observes AssetReportedMissing missing) {
        closePending(
                missing.assetId(),
                OffboardingItem.Kind.RETURN,
                OffboardingItem.Status.LOST,
                null,
                null,
                null);
    }

    /** A new owner (anyone but the leaver) closes the asset's pending transfer items. */
    void onOwnerChanged(@Observes OwnerChanged changed) {
        closePending(
                changed.assetId(),
                OffboardingItem.Kind.OWNERSHIP_TRANSFER,
                OffboardingItem.Status.TRANSFERRED,
                null,
                changed.ownerType() == Party.Type.PERSON ? changed.ownerId() : null,
                changed.by());
    }

    private void closePending(
            UUID assetId,
            OffboardingItem.Kind kind,
            OffboardingItem.Status outcome,
            String condition,
            UUID unlessOwnedBy,
            String by) {
        List<OffboardingItem> pending =
                OffboardingItem.<OffboardingItem>find(
                                "from OffboardingItem i join fetch i.offboarding o join fetch"
                                        + " o.person where i.asset.id = ?1 and i.kind = ?2 and"
                                        + " i.status = ?3",
                                assetId,
                                kind,
                                OffboardingItem.Status.PENDING)
                        .list();
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
                OffboardingItem.<OffboardingItem>find(
                                "from OffboardingItem i join fetch i.offboarding o join fetch"
                                        + " o.person join fetch i.asset where i.id = ?1 and o.id ="
                                        + " ?2",
                                itemId,
                                offboardingId)
                        .firstResultOptional()
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
        return view(item.offboarding);
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
        List<OffboardingItem> items = itemsOf(List.of(o.id)).getOrDefault(o.id, List.of());
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
        outbox.append(
                "offboarding",
                o.id,
                EventTypes.OFFBOARDING_COMPLETED,
                "offboardings/" + o.id,
                new OffboardingCompleted(
                        o.id,
                        eventPerson(o.person),
                        eventPerson(o.person.manager),
                        o.lastWorkingDay,
                        o.completedAt,
                        items.stream()
                                .sorted(OffboardingView.ITEM_ORDER)
                                .map(Offboardings::eventItem)
                                .toList()));
    }

    // --- escalation -------------------------------------------------------------------------

    /** Daily: one escalation per overdue off-boarding and day. */
    @Scheduled(
            cron = "${custodian.offboarding.escalation-cron}",
            timeZone = "${custodian.time-zone}",
            identity = "offboarding-escalations")
    void escalateDaily() {
        int total = 0;
        int sent;
        do {
            sent = escalateBatch();
            total += sent;
        } while (sent == ESCALATION_BATCH);
        if (total > 0) {
            LOG.infof("Escalated %d off-boardings with overdue returns", total);
        }
    }

    /** One batch of escalations in one transaction; returns how many were sent. */
    @Transactional
    int escalateBatch() {
        LocalDate today = LocalDate.now(clock);
        List<Offboarding> overdue =
                Offboarding.<Offboarding>find(
                                "from Offboarding o join fetch o.person p left join fetch p.manager"
                                        + " where o.status = ?1 and o.lastWorkingDay < ?2 and"
                                        + " (o.escalatedOn is null or o.escalatedOn < ?3) and"
                                        + PENDING_RETURN
                                        + " order by o.lastWorkingDay, o.id",
                                Offboarding.Status.OPEN,
                                overdueBefore(today),
                                today)
                        .page(0, ESCALATION_BATCH)
                        .list();
        if (overdue.isEmpty()) {
            return 0;
        }
        Map<UUID, List<OffboardingItem>> items = itemsOf(overdue.stream().map(o -> o.id).toList());
        for (Offboarding o : overdue) {
            o.escalatedOn = today;
            outbox.append(
                    "offboarding",
                    o.id,
                    EventTypes.OFFBOARDING_RETURN_OVERDUE,
                    "offboardings/" + o.id,
                    new OffboardingReturnOverdue(
                            o.id,
                            eventPerson(o.person),
                            eventPerson(o.person.manager),
                            o.lastWorkingDay,
                            today,
                            ChronoUnit.DAYS.between(o.lastWorkingDay, today),
                            items.getOrDefault(o.id, List.of()).stream()
                                    .filter(Offboardings::pendingReturn)
                                    .sorted(OffboardingView.ITEM_ORDER)
                                    .map(Offboardings::eventItem)
                                    .toList()));
        }
        return overdue.size();
    }

    /** HQL: the off-boarding {@code o} has a pending return item. */
    static final String PENDING_RETURN =
            " exists (select 1 from OffboardingItem i where i.offboarding = o and i.kind ="
                    + " io.custodian.asset.offboarding.OffboardingItem.Kind.RETURN and i.status ="
                    + " io.custodian.asset.offboarding.OffboardingItem.Status.PENDING)";

    /** Off-boardings whose last working day is before this are past the grace period. */
    LocalDate overdueBefore(LocalDate today) {
        return today.minusDays(config.grace().toDays());
    }

    // --- reads ------------------------------------------------------------------------------

    /** The off-boarding if the caller may see it: everyone's for readers, else only their own. */
    @Transactional
    OffboardingView read(UUID id, Caller caller) {
        Offboarding o =
                Offboarding.<Offboarding>find(
                                "from Offboarding o join fetch o.person p left join fetch p.manager"
                                        + " where o.id = ?1",
                                id)
                        .firstResultOptional()
                        .orElseThrow(() -> ProblemException.notFound("off-boarding", id));
        if (!readsAll(caller) && !o.person.email.equalsIgnoreCase(caller.email())) {
            throw ProblemException.notFound("off-boarding", id);
        }
        return view(o);
    }

    /** Admins, leadership, auditors and the HR system read every off-boarding. */
    static boolean readsAll(Caller caller) {
        return caller.readsEverything() || caller.hasRole(Roles.HR_SYSTEM);
    }

    OffboardingView view(Offboarding o) {
        List<OffboardingItem> items = itemsOf(List.of(o.id)).getOrDefault(o.id, List.of());
        return OffboardingView.of(o, items, overdue(o, items, LocalDate.now(clock)));
    }

    boolean overdue(Offboarding o, List<OffboardingItem> items, LocalDate today) {
        return o.status == Offboarding.Status.OPEN
                && o.lastWorkingDay.isBefore(overdueBefore(today))
                && items.stream().anyMatch(Offboardings::pendingReturn);
    }

    /** The items of these off-boardings with their assets, in one query. */
    static Map<UUID, List<OffboardingItem>> itemsOf(Collection<UUID> offboardingIds) {
        return OffboardingItem.<OffboardingItem>find(
                        "from OffboardingItem i join fetch i.asset where i.offboarding.id in ?1",
                        offboardingIds)
                .list()
                .stream()
                .collect(Collectors.groupingBy(i -> i.offboarding.id));
    }

    // --- helpers ----------------------------------------------------------------------------

    private static Offboarding byReference(String reference) {
        return Offboarding.<Offboarding>find("reference", reference).firstResult();
    }

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

    private static boolean pendingReturn(OffboardingItem i) {
        return i.kind == OffboardingItem.Kind.RETURN && i.status == OffboardingItem.Status.PENDING;
    }

    private static OffboardingStarted.Person eventPerson(Person p) {
        return p == null
                ? null
                : new OffboardingStarted.Person(p.id, p.employeeId, p.displayName, p.email);
    }

    private static OffboardingStarted.Item eventItem(OffboardingItem i) {
        return new OffboardingStarted.Item(
                LowerCaseEnums.of(i.kind),
                LowerCaseEnums.of(i.status),
                i.asset.id,
                i.asset.assetTag,
                i.asset.name,
                LowerCaseEnums.of(i.asset.category));
    }

    /** Who acts: the caller's e-mail, or {@code system} outside a request (scheduled jobs). */
    private String actor() {
        return Arc.container().requestContext().isActive() ? caller.email() : "system";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
