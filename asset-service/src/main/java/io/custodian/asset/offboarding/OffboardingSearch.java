package io.custodian.asset.offboarding;

import io.custodian.asset.security.Caller;
import io.custodian.asset.security.Roles;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Paged;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The off-boardings as the API shows them: one by id, and the list, newest first ({@code
 * startedAt}, then id) with keyset pagination, the cursor being the last row's ({@code startedAt},
 * id). One query for the page, one for its items.
 */
@ApplicationScoped
class OffboardingSearch {

    private final OffboardingStore store;
    private final Clock clock;

    OffboardingSearch(OffboardingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The list's filters, each null when not given. */
    record Filter(Offboarding.Status status, Boolean overdue) {}

    /** The off-boarding if the caller may see it: everyone's for readers, else only their own. */
    @Transactional
    OffboardingView read(UUID id, Caller caller) {
        Offboarding o =
                store.find(id).orElseThrow(() -> ProblemException.notFound("off-boarding", id));
        if (!readsAll(caller) && !o.person.email.equalsIgnoreCase(caller.email())) {
            throw ProblemException.notFound("off-boarding", id);
        }
        return view(o);
    }

    /**
     * The page the query parameters ask for of the off-boardings the caller may see; parameter
     * problems are 400s naming the parameter, checked in this order: unknown name, limit, cursor,
     * status, overdue.
     */
    @Transactional
    Paged list(Listing listing, Caller caller) {
        Keyset.Request request = Keyset.request(listing, "status", "overdue");
        Map<String, List<String>> params = request.params();
        Filter filter =
                new Filter(
                        status(Keyset.single(params, "status")),
                        overdue(Keyset.single(params, "overdue")));
        LocalDate today = LocalDate.now(clock);
        String onlyOf = readsAll(caller) ? null : caller.email().toLowerCase(Locale.ROOT);
        List<Offboarding> rows =
                store.page(filter, today, onlyOf, request.after(), request.limit());
        return request.pageOf(
                rows,
                o -> new Keyset.Position(o.startedAt, o.id),
                page -> views(page, today),
                OffboardingPage::new);
    }

    private static Offboarding.Status status(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "open" -> Offboarding.Status.OPEN;
            case "completed" -> Offboarding.Status.COMPLETED;
            default -> throw QueryParameters.invalid("status", "must be one of: open, completed");
        };
    }

    private static Boolean overdue(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryParameters.invalid("overdue", "must be true or false");
        };
    }

    /** The last day its returns may still be missing before they are overdue and escalated. */
    LocalDate lastDayBeforeOverdue(OffboardingView o) {
        return store.lastDayBeforeOverdue(o.lastWorkingDay());
    }

    /** Admins, leadership, auditors and the HR system read every off-boarding. */
    private static boolean readsAll(Caller caller) {
        return caller.readsEverything() || caller.hasRole(Roles.HR_SYSTEM);
    }

    /** The view as of today, with its items read; inside the caller's transaction. */
    OffboardingView view(Offboarding o) {
        return view(o, store.itemsOf(o), LocalDate.now(clock));
    }

    /** The view with these items; the person, manager and the items' assets must be loaded. */
    OffboardingView view(Offboarding o, List<OffboardingItem> items, LocalDate today) {
        return OffboardingView.of(o, items, store.overdue(o, items, today));
    }

    /** The page's views, with the items of all its off-boardings read in one query. */
    private List<OffboardingView> views(List<Offboarding> page, LocalDate today) {
        Map<UUID, List<OffboardingItem>> items =
                page.isEmpty() ? Map.of() : store.itemsOf(page.stream().map(o -> o.id).toList());
        return page.stream().map(o -> view(o, items.getOrDefault(o.id, List.of()), today)).toList();
    }
}
