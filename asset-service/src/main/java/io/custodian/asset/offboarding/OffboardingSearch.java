package io.custodian.asset.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Paged;
import io.custodian.asset.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The list of off-boardings: newest first ({@code startedAt}, then id) with keyset pagination, the
 * cursor being the last row's ({@code startedAt}, id). One query for the page, one for its items.
 */
@ApplicationScoped
class OffboardingSearch {

    private final EntityManager db;
    private final Offboardings offboardings;
    private final Clock clock;

    OffboardingSearch(EntityManager db, Offboardings offboardings, Clock clock) {
        this.db = db;
        this.offboardings = offboardings;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<OffboardingView> items, String next) {}

    @Transactional
    Paged list(Listing listing, Caller caller) {
        Map<String, List<String>> params = listing.params();
        Keyset.onlyKnown(params, Set.of("status", "overdue"));
        int limit = Keyset.limit(params);
        Keyset.Position after = Keyset.cursor(params);
        LocalDate today = LocalDate.now(clock);

        Keyset.Query query = new Keyset.Query();
        String status = Keyset.single(params, "status");
        if (status != null) {
            query.where(
                    "o.status = :status",
                    "status",
                    switch (status.trim()) {
                        case "open" -> Offboarding.Status.OPEN;
                        case "completed" -> Offboarding.Status.COMPLETED;
                        default ->
                                throw QueryParameters.invalid(
                                        "status", "must be one of: open, completed");
                    });
        }
        String overdue = Keyset.single(params, "overdue");
        if (overdue != null) {
            String predicate =
                    "(o.status = :open and o.lastWorkingDay < :overdueBefore and"
                            + Offboardings.PENDING_RETURN
                            + ")";
            query.where(
                            switch (overdue.trim()) {
                                case "true" -> predicate;
                                case "false" -> "not " + predicate;
                                default ->
                                        throw QueryParameters.invalid(
                                                "overdue", "must be true or false");
                            })
                    .parameter("open", Offboarding.Status.OPEN)
                    .parameter("overdueBefore", offboardings.overdueBefore(today));
        }
        if (!Offboardings.readsAll(caller)) {
            query.where("p.email = :me", "me", caller.email().toLowerCase(Locale.ROOT));
        }
        List<Offboarding> rows =
                query.rows(
                        db,
                        "select o from Offboarding o join fetch o.person p left join fetch"
                                + " p.manager",
                        Offboarding.class,
                        "o.startedAt",
                        "o.id",
                        after,
                        limit);

        return Keyset.pageOf(
                listing,
                rows,
                limit,
                o -> new Keyset.Position(o.startedAt, o.id),
                page -> views(page, today),
                Page::new);
    }

    /** The page's views, with the items of all its off-boardings read in one query. */
    private List<OffboardingView> views(List<Offboarding> page, LocalDate today) {
        Map<UUID, List<OffboardingItem>> items =
                page.isEmpty()
                        ? Map.of()
                        : Offboardings.itemsOf(page.stream().map(o -> o.id).toList());
        return page.stream()
                .map(
                        o -> {
                            List<OffboardingItem> its = items.getOrDefault(o.id, List.of());
                            return OffboardingView.of(o, its, offboardings.overdue(o, its, today));
                        })
                .toList();
    }
}
