package io.custodian.asset.web;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
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
     * The one entry point of a keyset list: the request's parameters checked in the order every
     * list reports them (no parameter but {@code known}, {@code limit} and {@code cursor}; then the
     * limit; then the cursor), with what the page query and the page need.
     */
    public static Request request(Listing listing, String... known) {
        Map<String, List<String>> params = listing.params();
        onlyKnown(params, Set.of(known));
        int limit = limit(params);
        Position after = cursor(params);
        return new Request(listing, params, limit, after);
    }

    /** A checked list request: its parameters, limit and cursor (null on the first page). */
    public record Request(
            Listing listing, Map<String, List<String>> params, int limit, Position after) {

        /** The page query's rows: after this request's cursor, one more than its limit. */
        public <E> List<E> rows(
                Query query,
                EntityManager db,
                String select,
                Class<E> type,
                String time,
                String id) {
            return query.rows(db, select, type, time, id, after, limit);
        }

        /** As {@link Keyset#page}, for this request. */
        public <E, V> Paged page(
                List<E> rows,
                Function<E, Position> position,
                Function<E, V> view,
                PageFactory<V> pages) {
            return Keyset.page(listing, rows, limit, position, view, pages);
        }

        /** As {@link Keyset#pageOf}, for this request. */
        public <E, V> Paged pageOf(
                List<E> rows,
                Function<E, Position> position,
                Function<List<E>, List<V>> views,
                PageFactory<V> pages) {
            return Keyset.pageOf(listing, rows, limit, position, views, pages);
        }
    }

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

        /** A condition with its one parameter, only when the value is given (not null). */
        public Query whereGiven(String condition, String parameter, Object value) {
            return value == null ? this : where(condition, parameter, value);
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
    public static void onlyKnown(Map<String, List<String>> params, Set<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name) && !"limit".equals(name) && !"cursor".equals(name)) {
                throw QueryParameters.invalid(name, "unknown query parameter");
            }
        }
    }

    public static int limit(Map<String, List<String>> params) {
        return limit(single(params, "limit"));
    }

    /**
     * The one reading of a {@code limit} value, for every list: {@link #DEFAULT_LIMIT} when null,
     * else an integer from 1 to {@link #MAX_LIMIT} (surrounding blanks ignored); 400 otherwise.
     * Each list decides beforehand whether a blank value counts as absent.
     */
    public static int limit(String value) {
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

    public static Position cursor(Map<String, List<String>> params) {
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
     * The page: the first {@code limit} rows as views, and a next link when there was one row more.
     */
    public static <E, V> Paged page(
            Listing listing,
            List<E> rows,
            int limit,
            Function<E, Position> position,
            Function<E, V> view,
            PageFactory<V> pages) {
        return pageOf(
                listing, rows, limit, position, shown -> shown.stream().map(view).toList(), pages);
    }

    /**
     * As {@link #page}, with the views made from the whole page at once (e.g. to fetch what they
     * show in one query).
     */
    public static <E, V> Paged pageOf(
            Listing listing,
            List<E> rows,
            int limit,
            Function<E, Position> position,
            Function<List<E>, List<V>> views,
            PageFactory<V> pages) {
        boolean more = rows.size() > limit;
        List<E> shown = rows.subList(0, Math.min(limit, rows.size()));
        List<V> items = views.apply(shown);
        if (!more) {
            return new Paged(pages.of(items, null), null);
        }
        Position last = position.apply(shown.get(limit - 1));
        String token = last.at() + "|" + last.id();
        String next =
                listing.withCursor(
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        return new Paged(pages.of(items, next), next);
    }

    public interface PageFactory<V> {
        Object of(List<V> items, String next);
    }

    public static <E extends Enum<E>> E enumValue(
            Map<String, List<String>> params, String name, Class<E> type) {
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
            Map<String, List<String>> params, String name, Class<E> type) {
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
    public static Boolean bool(Map<String, List<String>> params, String name) {
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
    public static UUID uuid(Map<String, List<String>> params, String name) {
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

    /** An e-mail address to match: the parameter's only value in lower case; null if absent. */
    public static String email(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The parameter's only value; null if absent or empty; 400 if given twice. */
    public static String single(Map<String, List<String>> params, String name) {
        String value = QueryParameters.once(params, name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
