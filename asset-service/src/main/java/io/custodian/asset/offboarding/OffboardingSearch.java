package io.custodian.asset.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private static final Set<String> PARAMETERS = Set.of("status", "overdue", "limit", "cursor");

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

    private record Cursor(Instant startedAt, UUID id) {}

    @Transactional
    Response list(UriInfo uri, Caller caller) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw QueryParameters.invalid(name, "unknown query parameter");
            }
        }
        int limit = limit(single(params, "limit"));
        Cursor after = decode(single(params, "cursor"));
        LocalDate today = LocalDate.now(clock);

        List<String> where = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        String status = single(params, "status");
        if (status != null) {
            where.add("o.status = :status");
            values.put(
                    "status",
                    switch (status.trim()) {
                        case "open" -> Offboarding.Status.OPEN;
                        case "completed" -> Offboarding.Status.COMPLETED;
                        default ->
                                throw QueryParameters.invalid(
                                        "status", "must be one of: open, completed");
                    });
        }
        String overdue = single(params, "overdue");
        if (overdue != null) {
            String predicate =
                    "(o.status = :open and o.lastWorkingDay < :overdueBefore and"
                            + Offboardings.PENDING_RETURN
                            + ")";
            where.add(
                    switch (overdue.trim()) {
                        case "true" -> predicate;
                        case "false" -> "not " + predicate;
                        default ->
                                throw QueryParameters.invalid("overdue", "must be true or false");
                    });
            values.put("open", Offboarding.Status.OPEN);
            values.put("overdueBefore", offboardings.overdueBefore(today));
        }
        if (!Offboardings.readsAll(caller)) {
            where.add("p.email = :me");
            values.put("me", caller.email().toLowerCase(Locale.ROOT));
        }
        if (after != null) {
            where.add(
                    "(o.startedAt < :afterTime or (o.startedAt = :afterTime and o.id < :afterId))");
            values.put("afterTime", after.startedAt());
            values.put("afterId", after.id());
        }
        String hql =
                "select o from Offboarding o join fetch o.person p left join fetch p.manager"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by o.startedAt desc, o.id desc";
        TypedQuery<Offboarding> query = db.createQuery(hql, Offboarding.class);
        values.forEach(query::setParameter);
        List<Offboarding> rows = query.setMaxResults(limit + 1).getResultList();

        boolean more = rows.size() > limit;
        List<Offboarding> page = rows.subList(0, Math.min(limit, rows.size()));
        Map<UUID, List<OffboardingItem>> items =
                page.isEmpty()
                        ? Map.of()
                        : Offboardings.itemsOf(page.stream().map(o -> o.id).toList());
        List<OffboardingView> views =
                page.stream()
                        .map(
                                o -> {
                                    List<OffboardingItem> its = items.getOrDefault(o.id, List.of());
                                    return OffboardingView.of(
                                            o, its, offboardings.overdue(o, its, today));
                                })
                        .toList();
        if (!more) {
            return Response.ok(new Page(views, null)).build();
        }
        Offboarding last = page.get(page.size() - 1);
        String next =
                uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", encode(last.startedAt, last.id))
                        .build()
                        .toString();
        return Response.ok(new Page(views, next))
                .links(Link.fromUri(next).rel("next").build())
                .build();
    }

    static String encode(Instant startedAt, UUID id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((startedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8)
                            .split("\\|", -1);
            if (parts.length == 2) {
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (RuntimeException e) {
            // not ours: below
        }
        throw QueryParameters.invalid(
                "cursor", "not a cursor this API issued; use the next link of a page");
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw QueryParameters.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw QueryParameters.invalid(
                    "limit", "must be from 1 to " + MAX_LIMIT + "; follow the next link for more");
        }
        return limit;
    }

    /** The parameter's only value; null if absent or empty; 400 if given twice. */
    private static String single(MultivaluedMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw QueryParameters.invalid(name, "give it at most once");
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }
}
