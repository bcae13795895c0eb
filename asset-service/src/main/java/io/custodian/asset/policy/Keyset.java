package io.custodian.asset.policy;

import io.custodian.asset.web.QueryParameters;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters and keyset pagination of the policy lists: newest first by (time, id), the
 * cursor being the last item's pair, so every page costs one indexed query. Parameter problems are
 * 400s naming the parameter, as in the asset search. Also used by the export record's list.
 */
public final class Keyset {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    /** Where the previous page ended: its last item's time and id. */
    public record Position(Instant at, UUID id) {}

    private Keyset() {}

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
        boolean more = rows.size() > limit;
        List<E> shown = rows.subList(0, Math.min(limit, rows.size()));
        List<V> items = shown.stream().map(view).toList();
        if (!more) {
            return Response.ok(pages.of(items, null)).build();
        }
        Position last = position.apply(shown.get(limit - 1));
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
        if (value == null) {
            return null;
        }
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
