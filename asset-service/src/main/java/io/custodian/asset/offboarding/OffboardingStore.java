package io.custodian.asset.offboarding;

import io.custodian.asset.ownership.Person;
import io.custodian.asset.web.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The off-boarding tables' queries, and the overdue rule in HQL and in memory alike. */
@ApplicationScoped
class OffboardingStore {

    /** HQL: the off-boarding {@code o} has a pending return item. */
    private static final String PENDING_RETURN =
            " exists (select 1 from OffboardingItem i where i.offboarding = o and i.kind ="
                    + " io.custodian.asset.offboarding.OffboardingItem.Kind.RETURN and i.status ="
                    + " io.custodian.asset.offboarding.OffboardingItem.Status.PENDING)";

    private final EntityManager db;
    private final OffboardingConfig config;

    OffboardingStore(EntityManager db, OffboardingConfig config) {
        this.db = db;
        this.config = config;
    }

    // --- the overdue rule -------------------------------------------------------------------

    /** Off-boardings whose last working day is before this are past the grace period. */
    LocalDate overdueBefore(LocalDate today) {
        return today.minusDays(config.grace().toDays());
    }

    /** The last day a return may still be missing before it is overdue and escalated. */
    LocalDate lastDayBeforeOverdue(LocalDate lastWorkingDay) {
        return lastWorkingDay.plusDays(config.grace().toDays());
    }

    boolean overdue(Offboarding o, List<OffboardingItem> items, LocalDate today) {
        return o.status == Offboarding.Status.OPEN
                && o.lastWorkingDay.isBefore(overdueBefore(today))
                && items.stream().anyMatch(OffboardingStore::pendingReturn);
    }

    static boolean pendingReturn(OffboardingItem i) {
        return i.kind == OffboardingItem.Kind.RETURN && i.status == OffboardingItem.Status.PENDING;
    }

    // --- start ------------------------------------------------------------------------------

    Offboarding byReference(String reference) {
        return Offboarding.<Offboarding>find("reference", reference).firstResult();
    }

    Offboarding byIdempotencyKey(String key) {
        return Offboarding.<Offboarding>find("idempotencyKey", key).firstResult();
    }

    Offboarding openOf(Person person) {
        return Offboarding.<Offboarding>find(
                        "person = ?1 and status = ?2", person, Offboarding.Status.OPEN)
                .firstResult();
    }

    void persist(Offboarding o) {
        o.persist();
    }

    /** One JDBC batch for the items rather than a round trip each. */
    void persist(List<OffboardingItem> items) {
        Offboarding.getSession().setJdbcBatchSize(Math.max(items.size(), 1));
        items.forEach(i -> i.persist());
    }

    // --- items ------------------------------------------------------------------------------

    /** The asset's pending items of this kind, with their off-boardings and people. */
    List<OffboardingItem> pending(UUID assetId, OffboardingItem.Kind kind) {
        return OffboardingItem.<OffboardingItem>find(
                        "from OffboardingItem i join fetch i.offboarding o join fetch"
                                + " o.person where i.asset.id = ?1 and i.kind = ?2 and"
                                + " i.status = ?3",
                        assetId,
                        kind,
                        OffboardingItem.Status.PENDING)
                .list();
    }

    /** The item of this off-boarding, with the off-boarding, its person and the asset. */
    Optional<OffboardingItem> item(UUID offboardingId, UUID itemId) {
        return OffboardingItem.<OffboardingItem>find(
                        "from OffboardingItem i join fetch i.offboarding o join fetch"
                                + " o.person join fetch i.asset where i.id = ?1 and o.id ="
                                + " ?2",
                        itemId,
                        offboardingId)
                .firstResultOptional();
    }

    /** The items of this off-boarding with their assets. */
    List<OffboardingItem> itemsOf(Offboarding o) {
        return itemsOf(List.of(o.id)).getOrDefault(o.id, List.of());
    }

    /** The items of these off-boardings with their assets, in one query. */
    Map<UUID, List<OffboardingItem>> itemsOf(Collection<UUID> offboardingIds) {
        return OffboardingItem.<OffboardingItem>find(
                        "from OffboardingItem i join fetch i.asset where i.offboarding.id in ?1",
                        offboardingIds)
                .list()
                .stream()
                .collect(Collectors.groupingBy(i -> i.offboarding.id));
    }

    // --- reads ------------------------------------------------------------------------------

    /** The off-boarding with its person and their manager. */
    Optional<Offboarding> find(UUID id) {
        return Offboarding.<Offboarding>find(
                        "from Offboarding o join fetch o.person p left join fetch p.manager"
                                + " where o.id = ?1",
                        id)
                .firstResultOptional();
    }

    /**
     * One page of the list, newest first by ({@code startedAt}, id) after {@code after}, one row
     * more than the limit; {@code onlyOf} (a lower-case e-mail) limits it to that person's.
     */
    List<Offboarding> page(
            OffboardingSearch.Filter filter,
            LocalDate today,
            String onlyOf,
            Keyset.Position after,
            int limit) {
        Keyset.Query query = new Keyset.Query();
        if (filter.status() != null) {
            query.where("o.status = :status", "status", filter.status());
        }
        if (filter.overdue() != null) {
            String predicate =
                    "(o.status = :open and o.lastWorkingDay < :overdueBefore and"
                            + PENDING_RETURN
                            + ")";
            query.where(filter.overdue() ? predicate : "not " + predicate)
                    .parameter("open", Offboarding.Status.OPEN)
                    .parameter("overdueBefore", overdueBefore(today));
        }
        if (onlyOf != null) {
            query.where("p.email = :me", "me", onlyOf);
        }
        return query.rows(
                db,
                "select o from Offboarding o join fetch o.person p left join fetch p.manager",
                Offboarding.class,
                "o.startedAt",
                "o.id",
                after,
                limit);
    }

    /** How many open off-boardings are overdue today (the rule above, counted by the database). */
    long countOverdue(LocalDate today) {
        return db.createQuery(
                        "select count(o) from Offboarding o where o.status = ?1 and"
                                + " o.lastWorkingDay < ?2 and"
                                + PENDING_RETURN,
                        Long.class)
                .setParameter(1, Offboarding.Status.OPEN)
                .setParameter(2, overdueBefore(today))
                .getSingleResult();
    }

    // --- escalation -------------------------------------------------------------------------

    /**
     * Up to {@code max} open off-boardings overdue today and not yet escalated today, oldest last
     * working day first, with their people and managers.
     */
    List<Offboarding> toEscalate(LocalDate today, int max) {
        return Offboarding.<Offboarding>find(
                        "from Offboarding o join fetch o.person p left join fetch p.manager"
                                + " where o.status = ?1 and o.lastWorkingDay < ?2 and"
                                + " (o.escalatedOn is null or o.escalatedOn < ?3) and"
                                + PENDING_RETURN
                                + " order by o.lastWorkingDay, o.id",
                        Offboarding.Status.OPEN,
                        overdueBefore(today),
                        today)
                .page(0, max)
                .list();
    }
}
