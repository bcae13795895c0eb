package io.custodian.asset.incident;

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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The list of incidents: optional filters combined with "and", newest first ({@code reportedAt}
 * descending, then id) with keyset pagination on that pair, as the asset search does on the tag.
 * Employees see only the incidents they reported, as when reading one.
 */
@ApplicationScoped
class IncidentSearch {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private static final Set<String> PARAMETERS =
            Set.of("status", "kind", "late", "assetId", "limit", "cursor");

    private final EntityManager db;

    IncidentSearch(EntityManager db) {
        this.db = db;
    }

    /** A page's items with the key of its last row, for the cursor of the next page. */
    record Cursor(Instant reportedAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((reportedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value) {
            try {
                String[] parts =
                        new String(
                                        Base64.getUrlDecoder().decode(value.trim()),
                                        StandardCharsets.UTF_8)
                                .split("\\|", -1);
                if (parts.length == 2) {
                    return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // fall through
            }
            throw QueryParameters.invalid(
                    "cursor", "not a cursor this API issued; use the next link of a page");
        }
    }

    /** GET /api/v1/incidents: the page the query parameters ask for, with a next link if any. */
    @Transactional
    Response list(UriInfo uri, Caller caller) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw QueryParameters.invalid(name, "unknown query parameter");
            }
        }
        int limit = limit(single(params, "limit"));
        String cursor = single(params, "cursor");
        Cursor after = cursor == null ? null : Cursor.decode(cursor);

        List<String> where = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        Set<Incident.Status> statuses = statuses(params.get("status"));
        if (!statuses.isEmpty()) {
            where.add("i.status in (:status)");
            values.put("status", List.copyOf(statuses));
        }
        String kind = single(params, "kind");
        if (kind != null) {
            where.add("i.kind = :kind");
            values.put("kind", parse(Incident.Kind.class, "kind", kind));
        }
        String late = single(params, "late");
        if (late != null) {
            where.add(
                    switch (late.trim()) {
                        case "true" -> "i.late = true";
                        case "false" -> "i.late = false";
                        default -> throw QueryParameters.invalid("late", "must be true or false");
                    });
        }
        String assetId = single(params, "assetId");
        if (assetId != null) {
            try {
                values.put("assetId", UUID.fromString(assetId.trim()));
            } catch (IllegalArgumentException e) {
                throw QueryParameters.invalid("assetId", "must be a UUID");
            }
            where.add("i.asset.id = :assetId");
        }
        if (!caller.readsEverything()) {
            where.add("i.reportedBy = :me");
            values.put("me", caller.email().toLowerCase(Locale.ROOT));
        }
        if (after != null) {
            where.add("(i.reportedAt < :afterAt or (i.reportedAt = :afterAt and i.id < :afterId))");
            values.put("afterAt", after.reportedAt());
            values.put("afterId", after.id());
        }

        String hql =
                "select i from Incident i left join fetch i.asset"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by i.reportedAt desc, i.id desc";
        TypedQuery<Incident> query = db.createQuery(hql, Incident.class);
        values.forEach(query::setParameter);
        List<Incident> rows = query.setMaxResults(limit + 1).getResultList();

        boolean more = rows.size() > limit;
        List<Incident> page = rows.subList(0, Math.min(limit, rows.size()));
        List<IncidentView> items = page.stream().map(IncidentView::summary).toList();
        if (!more) {
            return Response.ok(new IncidentPage(items, null)).build();
        }
        Incident last = page.get(limit - 1);
        String next =
                uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", new Cursor(last.reportedAt, last.id).encode())
                        .build()
                        .toString();
        return Response.ok(new IncidentPage(items, next))
                .links(Link.fromUri(next).rel("next").build())
                .build();
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
        if (limit < 1) {
            throw QueryParameters.invalid("limit", "must be at least 1");
        }
        if (limit > MAX_LIMIT) {
            throw QueryParameters.invalid(
                    "limit", "must be at most " + MAX_LIMIT + "; follow the next link for more");
        }
        return limit;
    }

    private static Set<Incident.Status> statuses(List<String> values) {
        Set<Incident.Status> statuses = EnumSet.noneOf(Incident.Status.class);
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        statuses.add(parse(Incident.Status.class, "status", part));
                    }
                }
            }
        }
        return statuses;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw QueryParameters.invalid(
                name,
                "must be one of: "
                        + Arrays.stream(type.getEnumConstants())
                                .map(c -> c.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
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
