package io.custodian.asset.web;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters and keyset pagination of the lists that run newest first by (time, id):
 * incidents, off-boardings, exception requests, violations, exports, imports. The cursor is the
 * last item's pair, so every page costs one indexed query; parameter problems are 400s naming the
 * parameter.
 */
public final class Keyset {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    /** Where the previous page ended: its last item's time and id. */
    public record Position(Instant at, UUID id) {}

    private Keyset() {}

    /**
     * The filters of a list, each a JPQL condition with its parameters, and the page query they
     * make: the rows after the cursor, newest first by (time, id), one more than the limit so the
     * page knows whether another follows.
     */
    public static final class Query {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new HashMap<>();

        /** A condition with its one parameter. */
        public Query where(String condition, String parameter, Object value) {
            conditions.add(condition);
            parameters.put(parameter, value);
            return this;
        }

        /** A condition whose parameters are given with {@link #parameter}. */
        public Query where(String condition) {
            conditions.add(condition);
            return this;
        }

        public Query parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        /** {@code select} (without where or order) filtered, after {@code after}, limited. */
        public <E> List<E> rows(
                EntityManager db,
                String select,
                Class<E> type,
                String time,
                String id,
                Position after,
                int limit) {
            if (after != null) {
                where(
                        "("
                                + time
                                + " < :keysetAt or ("
                                + time
                                + " = :keysetAt and "
                                + id
                                + " < :keysetId))");
                parameter("keysetAt", after.at());
                parameter("keysetId", after.id());
            }
            TypedQuery<E> query =
                    db.createQuery(
                            select
                                    + (conditions.isEmpty()
                                            ? ""
                                            : " where " + String.join(" and ", conditions))
                                    + " order by "
                                    + time
                                    + " desc, "
                                    + id
                                    + " desc",
                            type);
            parameters.forEach(query::setParameter);
            return query.setMaxResults(limit + 1).getResultList();
        }
    }

    /** 400 for any parameter but {@code known}, {@code limit} and {@code cursor}. */
    public static void onlyKnown(MultivaluedMap<String, String> params, Set<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name) && !"limit".equals(name) && !"cursor".equals(name)) {
                throw QueryParameters.invalid(name, "unknown query parameter");
            }
        }
    }

    public static int limit(MultivaluedMap<String, String> params) {
        String value = single(params, "limit");
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

    public static Position cursor(MultivaluedMap<String, String> params) {
        String cursor = single(params, "cursor");
        if (cursor == null) {
            return null;
        }
        try {
            String text =
                    new String(
                            Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Position(
                    Instant.parse(text.substring(0, bar)),
                    UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw QueryParameters.invalid(
                    "cursor", "not a cursor this API issued; use the next link of a page");
        }
    }

    /**
     * The 200 response: the first {@code limit} rows as views, and a next link (body and {@code
     * Link} header) when there was one row more.
     */
    public static <E, V> Response page(
            UriInfo uri,
            List<E> rows,
            int limit,
            Function<E, Position> position,
            Function<E, V> view,
            PageFactory<V> pages) {
        return pageOf(
                uri, rows, limit, position, shown -> shown.stream().map(view).toList(), pages);
    }

    /**
     * As {@link #page}, with the views made from the whole page at once (e.g. to fetch what they
     * show in one query).
     */
    public static <E, V> Response pageOf(
            UriInfo uri,
            List<E> rows,
            int limit,
            Function<E, Position> position,
            Function<List<E>, List<V>> views,
            PageFactory<V> pages) {
        return page(uri, slice(rows, limit, position, views), pages);
    }

    /** One page of a list as views, and where the next page starts (null on the last page). */
    public record Slice<V>(List<V> items, Position next) {}

    /**
     * The first {@code limit} of these rows (read with {@link Query#rows}, one more than the limit)
     * as views made from the whole page at once, and the last one's position when there was one row
     * more: what a service returns, the resource making the response with {@link #page(UriInfo,
     * Slice, PageFactory)}.
     */
    public static <E, V> Slice<V> slice(
            List<E> rows,
            int limit,
            Function<E, Position> position,
            Function<List<E>, List<V>> views) {
        boolean more = rows.size() > limit;
        List<E> shown = rows.subList(0, Math.min(limit, rows.size()));
        List<V> items = views.apply(shown);
        return new Slice<>(items, more ? position.apply(shown.get(limit - 1)) : null);
    }

    /** The 200 response of a slice, with a next link (body and {@code Link} header) if any. */
    public static <V> Response page(UriInfo uri, Slice<V> slice, PageFactory<V> pages) {
        List<V> items = slice.items();
        if (slice.next() == null) {
            return Response.ok(pages.of(items, null)).build();
        }
        Position last = slice.next();
        String token = last.at() + "|" + last.id();
        String next =
                uri.getRequestUriBuilder()
                        .replaceQueryParam(
                                "cursor",
                                Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(token.getBytes(StandardCharsets.UTF_8)))
                        .build()
                        .toString();
        return Response.ok(pages.of(items, next))
                .links(Link.fromUri(next).rel("next").build())
                .build();
    }

    public interface PageFactory<V> {
        Object of(List<V> items, String next);
    }

    public static <E extends Enum<E>> E enumValue(
            MultivaluedMap<String, String> params, String name, Class<E> type) {
        String value = single(params, name);
        return value == null ? null : enumValue(type, name, value);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw QueryParameters.invalid(
                name,
                "must be one of: "
                        + String.join(
                                ", ",
                                EnumSet.allOf(type).stream()
                                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                                        .toList()));
    }

    /**
     * Every value of a parameter that may be repeated or comma-separated ({@code
     * status=open,contained}); empty if absent.
     */
    public static <E extends Enum<E>> Set<E> enumValues(
            MultivaluedMap<String, String> params, String name, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        for (String value : params.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(enumValue(type, name, part));
                }
            }
        }
        return result;
    }

    /** {@code true}, {@code false}, or null when absent; 400 otherwise. */
    public static Boolean bool(MultivaluedMap<String, String> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryParameters.invalid(name, "must be true or false");
        };
    }

    /** A UUID, or null when absent; 400 otherwise. */
    public static UUID uuid(MultivaluedMap<String, String> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid(name, "must be a UUID");
        }
    }

    /** The parameter's only value; null if absent or empty; 400 if given twice. */
    public static String single(MultivaluedMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw QueryParameters.invalid(name, "give it at most once");
        }
        String value = values.get(0);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
