package io.custodian.asset.inventory;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Paged;
import io.custodian.asset.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Search and list of the register: optional filters, combined with "and", in asset-tag order with
 * keyset (cursor) pagination. One page is one SQL query: owner and holder are fetched in the same
 * select, and the cursor is the last asset tag of the previous page, so a page costs the same on
 * page 1 and on page 20,000.
 */
@ApplicationScoped
public class AssetSearch {

    /** The list's own parameters beside the filters. */
    private static final Set<String> PAGING = Set.of("limit", "cursor", "before");

    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");

    private final EntityManager db;
    private final Clock clock;

    AssetSearch(EntityManager db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * GET /api/v1/assets: the page the query parameters ask for, with a next link if any, and a
     * previous link on every page but the first. {@code cursor} (a page's last tag) asks for the
     * page after it, {@code before} (a page's first tag) for the page before it: the same index
     * read backwards, so either costs one query wherever it is in the register.
     */
    Paged list(Listing listing, Caller caller) {
        Map<String, List<String>> params = listing.params();
        AssetFilter filter = AssetFilter.of(params, PAGING, clock);
        // a blank limit is not absent here: it is a 400, as it always was on this list
        int limit = Keyset.limit(AssetFilter.single(params, "limit"));
        String after = decodeCursor("cursor", AssetFilter.single(params, "cursor"));
        String before = decodeCursor("before", AssetFilter.single(params, "before"));
        if (after != null && before != null) {
            throw QueryParameters.invalid("before", "give either cursor or before, not both");
        }

        if (!caller.readsEverything()) {
            // Asset.isHeldOrOwnedBy as a predicate: held, owned personally, or owned by a group the
            // caller belongs to; each side uses an index on (holder/owner, asset_tag)
            filter.and(
                    "(a.holder.id = (select h.id from Person h where h.email = :me) or"
                        + " a.ownerPerson.id = (select o.id from Person o where o.email = :me) or"
                        + " a.ownerGroup.id in (select g.id from AssetGroup g join g.members m"
                        + " where m.email = :me))",
                    "me",
                    caller.email().toLowerCase(Locale.ROOT));
        }
        if (after != null) {
            filter.and("a.assetTag > :after", "after", after);
        }
        if (before != null) {
            filter.and("a.assetTag < :before", "before", before);
        }

        String hql =
                "select a from Asset a"
                        + " left join fetch a.ownerPerson"
                        + " left join fetch a.ownerGroup"
                        + " left join fetch a.holder"
                        + filter.whereClause()
                        + " order by a.assetTag"
                        + (before != null ? " desc" : "");
        TypedQuery<Asset> query = db.createQuery(hql, Asset.class);
        filter.bind(query);
        List<Asset> rows = query.setMaxResults(limit + 1).getResultList();

        boolean more = rows.size() > limit;
        List<AssetView> items =
                new ArrayList<>(
                        rows.subList(0, Math.min(limit, rows.size())).stream()
                                .map(AssetView::of)
                                .toList());
        if (before != null) {
            Collections.reverse(items);
        }
        boolean later = before != null ? !items.isEmpty() : more;
        boolean earlier = before != null ? more : after != null && !items.isEmpty();
        String next =
                later
                        ? listing.withCursor(encodeCursor(items.get(items.size() - 1).assetTag()))
                        : null;
        String prev = earlier ? listing.withBefore(encodeCursor(items.get(0).assetTag())) : null;
        return new Paged(new AssetPage(items, next, prev), next, prev);
    }

    static String encodeCursor(String lastTag) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(lastTag.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String parameter, String cursor) {
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
                    parameter, "not a cursor this API issued; use the next or prev link of a page");
        }
        return tag;
    }
}
