package io.custodian.asset.inventory;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Search and list of the register: optional filters, combined with "and", in asset-tag order with
 * keyset (cursor) pagination. One page is one SQL query: owner and holder are fetched in the same
 * select, and the cursor is the last asset tag of the previous page, so a page costs the same on
 * page 1 and on page 20,000.
 */
@ApplicationScoped
public class AssetSearch {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private static final Set<String> PARAMETERS =
            Set.of(
                    "assetTag",
                    "serialNumber",
                    "ownerType",
                    "ownerId",
                    "holderId",
                    "status",
                    "category",
                    "classification",
                    "q",
                    "verificationOverdue",
                    "diskEncrypted",
                    "mdmEnrolled",
                    "screenLock",
                    "limit",
                    "cursor");

    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");

    private final EntityManager db;
    private final Clock clock;

    AssetSearch(EntityManager db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** GET /api/v1/assets: the page the query parameters ask for, with a next link if any. */
    Response list(UriInfo uri, Caller caller) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw QueryParameters.invalid(name, "unknown query parameter");
            }
        }
        int limit = limit(single(params, "limit"));
        String after = decodeCursor(single(params, "cursor"));

        List<String> where = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        filter(params, where, values);
        if (!caller.readsEverything()) {
            // Asset.isHeldOrOwnedBy as a predicate: held, owned personally, or owned by a group the
            // caller belongs to; each side uses an index on (holder/owner, asset_tag)
            where.add(
                    "(a.holder.id = (select h.id from Person h where h.email = :me) or"
                        + " a.ownerPerson.id = (select o.id from Person o where o.email = :me) or"
                        + " a.ownerGroup.id in (select g.id from AssetGroup g join g.members m"
                        + " where m.email = :me))");
            values.put("me", caller.email().toLowerCase(Locale.ROOT));
        }
        if (after != null) {
            where.add("a.assetTag > :after");
            values.put("after", after);
        }

        String hql =
                "select a from Asset a"
                        + " left join fetch a.ownerPerson"
                        + " left join fetch a.ownerGroup"
                        + " left join fetch a.holder"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by a.assetTag";
        TypedQuery<Asset> query = db.createQuery(hql, Asset.class);
        values.forEach(query::setParameter);
        List<Asset> rows = query.setMaxResults(limit + 1).getResultList();

        boolean more = rows.size() > limit;
        List<AssetView> items =
                rows.subList(0, Math.min(limit, rows.size())).stream().map(AssetView::of).toList();
        if (!more) {
            return Response.ok(new AssetPage(items, null)).build();
        }
        String next =
                uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", encodeCursor(items.get(limit - 1).assetTag()))
                        .build()
                        .toString();
        return Response.ok(new AssetPage(items, next))
                .links(Link.fromUri(next).rel("next").build())
                .build();
    }

    private void filter(
            MultivaluedMap<String, String> params, List<String> where, Map<String, Object> values) {
        String tag = single(params, "assetTag");
        if (tag != null) {
            where.add("a.assetTag = :assetTag");
            values.put("assetTag", tag.trim());
        }
        String serial = single(params, "serialNumber");
        if (serial != null) {
            where.add("a.serialNumber = :serialNumber");
            values.put("serialNumber", serial.trim());
        }
        String ownerType = single(params, "ownerType");
        UUID ownerId = uuid(params, "ownerId");
        if (ownerType != null || ownerId != null) {
            if (ownerType == null) {
                throw QueryParameters.invalid("ownerType", "required with ownerId");
            }
            if (ownerId == null) {
                throw QueryParameters.invalid("ownerId", "required with ownerType");
            }
            switch (ownerType) {
                case "person" -> where.add("a.ownerPerson.id = :ownerId");
                case "group" -> where.add("a.ownerGroup.id = :ownerId");
                default ->
                        throw QueryParameters.invalid("ownerType", "must be one of: person, group");
            }
            values.put("ownerId", ownerId);
        }
        UUID holderId = uuid(params, "holderId");
        if (holderId != null) {
            where.add("a.holder.id = :holderId");
            values.put("holderId", holderId);
        }
        Set<AssetStatus> statuses = statuses(params.get("status"));
        if (!statuses.isEmpty()) {
            where.add("a.status in (:status)");
            values.put("status", List.copyOf(statuses));
        }
        Category category = enumValue(params, "category", Category.class);
        if (category != null) {
            where.add("a.category = :category");
            values.put("category", category);
        }
        Classification classification = enumValue(params, "classification", Classification.class);
        if (classification != null) {
            where.add("a.classification = :classification");
            values.put("classification", classification);
        }
        String q = single(params, "q");
        if (q != null && !q.isBlank()) {
            where.add("lower(a.name) like :q escape '\\'");
            values.put("q", "%" + likeEscaped(q.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        Boolean overdue = bool(params, "verificationOverdue");
        if (overdue != null) {
            where.add(overdue ? "a.nextVerificationDue < :now" : "a.nextVerificationDue >= :now");
            values.put("now", Instant.now(clock));
        }
        // posture as literals, not parameters, so that the partial indexes on "= false" match
        posture(params, "diskEncrypted", "a.diskEncrypted", where);
        posture(params, "mdmEnrolled", "a.mdmEnrolled", where);
        posture(params, "screenLock", "a.screenLock", where);
    }

    private static void posture(
            MultivaluedMap<String, String> params, String name, String path, List<String> where) {
        Boolean value = bool(params, name);
        if (value != null) {
            where.add(path + " = " + value);
        }
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

    static String encodeCursor(String lastTag) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(lastTag.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        String tag;
        try {
            tag = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            tag = null;
        }
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw QueryParameters.invalid(
                    "cursor", "not a cursor this API issued; use the next link of a page");
        }
        return tag;
    }

    private static Set<AssetStatus> statuses(List<String> values) {
        Set<AssetStatus> statuses = EnumSet.noneOf(AssetStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    statuses.add(parse(AssetStatus.class, "status", part));
                }
            }
        }
        return statuses;
    }

    private static <E extends Enum<E>> E enumValue(
            MultivaluedMap<String, String> params, String name, Class<E> type) {
        String value = single(params, name);
        return value == null ? null : parse(type, name, value);
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
                        + String.join(
                                ", ",
                                EnumSet.allOf(type).stream()
                                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                                        .toList()));
    }

    private static Boolean bool(MultivaluedMap<String, String> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryParameters.invalid(name, "must be true or false");
        };
    }

    private static UUID uuid(MultivaluedMap<String, String> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid(name, "must be a UUID");
        }
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

    /** LIKE pattern characters taken literally, escaped with a backslash. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
