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
import java.util.Base64;
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
    private static final Set<String> PAGING = Set.of("limit", "cursor");

    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");

    private final EntityManager db;
    private final Clock clock;

    AssetSearch(EntityManager db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** GET /api/v1/assets: the page the query parameters ask for, with a next link if any. */
    Paged list(Listing listing, Caller caller) {
        Map<String, List<String>> params = listing.params();
        AssetFilter filter = AssetFilter.of(params, PAGING, clock);
        // a blank limit is not absent here: it is a 400, as it always was on this list
        int limit = Keyset.limit(AssetFilter.single(params, "limit"));
        String after = decodeCursor(AssetFilter.single(params, "cursor"));

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

        String hql =
                "select a from Asset a"
                        + " left join fetch a.ownerPerson"
                        + " left join fetch a.ownerGroup"
                        + " left join fetch a.holder"
                        + filter.whereClause()
                        + " order by a.assetTag";
        TypedQuery<Asset> query = db.createQuery(hql, Asset.class);
        filter.bind(query);
        List<Asset> rows = query.setMaxResults(limit + 1).getResultList();

        boolean more = rows.size() > limit;
        List<AssetView> items =
                rows.subList(0, Math.min(limit, rows.size())).stream().map(AssetView::of).toList();
        if (!more) {
            return new Paged(new AssetPage(items, null), null);
        }
        String next = listing.withCursor(encodeCursor(items.get(limit - 1).assetTag()));
        return new Paged(new AssetPage(items, next), next);
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
}
