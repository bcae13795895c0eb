package io.custodian.asset.incident;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The list of incidents: optional filters combined with "and", newest first ({@code reportedAt}
 * descending, then id) with keyset pagination on that pair, as the asset search does on the tag.
 * Employees see only the incidents they reported, as when reading one.
 */
@ApplicationScoped
class IncidentSearch {

    private final EntityManager db;

    IncidentSearch(EntityManager db) {
        this.db = db;
    }

    /** GET /api/v1/incidents: the page the query parameters ask for, with a next link if any. */
    @Transactional
    Response list(UriInfo uri, Caller caller) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        Keyset.onlyKnown(params, Set.of("status", "kind", "late", "assetId"));
        int limit = Keyset.limit(params);
        Keyset.Position after = Keyset.cursor(params);

        List<String> where = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        Set<Incident.Status> statuses = Keyset.enumValues(params, "status", Incident.Status.class);
        if (!statuses.isEmpty()) {
            where.add("i.status in (:status)");
            values.put("status", List.copyOf(statuses));
        }
        Incident.Kind kind = Keyset.enumValue(params, "kind", Incident.Kind.class);
        if (kind != null) {
            where.add("i.kind = :kind");
            values.put("kind", kind);
        }
        Boolean late = Keyset.bool(params, "late");
        if (late != null) {
            where.add("i.late = :late");
            values.put("late", late);
        }
        UUID assetId = Keyset.uuid(params, "assetId");
        if (assetId != null) {
            where.add("i.asset.id = :assetId");
            values.put("assetId", assetId);
        }
        if (!caller.readsEverything()) {
            where.add("i.reportedBy = :me");
            values.put("me", caller.email().toLowerCase(Locale.ROOT));
        }
        if (after != null) {
            where.add("(i.reportedAt < :afterAt or (i.reportedAt = :afterAt and i.id < :afterId))");
            values.put("afterAt", after.at());
            values.put("afterId", after.id());
        }

        String hql =
                "select i from Incident i left join fetch i.asset"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by i.reportedAt desc, i.id desc";
        TypedQuery<Incident> query = db.createQuery(hql, Incident.class);
        values.forEach(query::setParameter);
        List<Incident> rows = query.setMaxResults(limit + 1).getResultList();
        return Keyset.page(
                uri,
                rows,
                limit,
                i -> new Keyset.Position(i.reportedAt, i.id),
                IncidentView::summary,
                IncidentPage::new);
    }
}
