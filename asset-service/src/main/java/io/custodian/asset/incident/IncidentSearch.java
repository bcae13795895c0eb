package io.custodian.asset.incident;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Paged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** The newest {@code max} incidents this person reported (any status), newest first. */
    @Transactional
    List<IncidentView> newestReportedBy(String email, int max) {
        return db
                .createQuery(
                        "select i from Incident i left join fetch i.asset where i.reportedBy = :me"
                                + " order by i.reportedAt desc, i.id desc",
                        Incident.class)
                .setParameter("me", email.toLowerCase(Locale.ROOT))
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(IncidentView::summary)
                .toList();
    }

    /** GET /api/v1/incidents: the page the query parameters ask for, with a next link if any. */
    @Transactional
    Paged list(Listing listing, Caller caller) {
        Keyset.Request request = Keyset.request(listing, "status", "kind", "late", "assetId");
        Map<String, List<String>> params = request.params();
        Keyset.Query query = new Keyset.Query();
        Set<Incident.Status> statuses = Keyset.enumValues(params, "status", Incident.Status.class);
        if (!statuses.isEmpty()) {
            query.where("i.status in (:status)", "status", List.copyOf(statuses));
        }
        query.whereGiven(
                        "i.kind = :kind",
                        "kind",
                        Keyset.enumValue(params, "kind", Incident.Kind.class))
                .whereGiven("i.late = :late", "late", Keyset.bool(params, "late"))
                .whereGiven("i.asset.id = :assetId", "assetId", Keyset.uuid(params, "assetId"));
        if (!caller.readsEverything()) {
            query.where("i.reportedBy = :me", "me", caller.email().toLowerCase(Locale.ROOT));
        }
        List<Incident> rows =
                request.rows(
                        query,
                        db,
                        "select i from Incident i left join fetch i.asset",
                        Incident.class,
                        "i.reportedAt",
                        "i.id");
        return request.page(
                rows,
                i -> new Keyset.Position(i.reportedAt, i.id),
                IncidentView::summary,
                IncidentPage::new);
    }
}
