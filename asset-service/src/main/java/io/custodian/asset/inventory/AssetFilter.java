package io.custodian.asset.inventory;

import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.QueryParameters;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The register's filters as query parameters (tag, serial, owner, holder, status, category,
 * original category, classification, name, overdue, posture), turned into an HQL where clause on
 * {@code Asset a}: one parsing for the search ({@link AssetSearch}) and the export. Filters combine
 * with "and"; an invalid value, a repeated single-valued parameter or an unknown parameter is a 400
 * naming it.
 */
public final class AssetFilter {

    /** The filter parameters, in the order the contract lists them. */
    public static final List<String> PARAMETERS =
            List.of(
                    "assetTag",
                    "serialNumber",
                    "ownerType",
                    "ownerId",
                    "holderId",
                    "status",
                    "category",
                    "originalCategory",
                    "classification",
                    "q",
                    "verificationOverdue",
                    "diskEncrypted",
                    "mdmEnrolled",
                    "screenLock");

    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, List<String>> given = new LinkedHashMap<>();

    private AssetFilter() {}

    /**
     * The filters of these query parameters; {@code others} are the endpoint's own parameters
     * (paging, format), accepted but not filters.
     */
    public static AssetFilter of(
            Map<String, List<String>> params, Set<String> others, Clock clock) {
        Set<String> known = new HashSet<>(PARAMETERS);
        known.addAll(others);
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw QueryParameters.invalid(name, "unknown query parameter");
            }
        }
        AssetFilter filter = new AssetFilter();
        filter.parse(params, clock);
        for (String name : PARAMETERS) {
            List<String> values = params.get(name);
            if (values != null && values.stream().anyMatch(v -> v != null && !v.isEmpty())) {
                filter.given.put(name, List.copyOf(values));
            }
        }
        return filter;
    }

    /** Adds a condition on {@code a} (the asset), with its named parameter if any. */
    public AssetFilter and(String condition, String parameter, Object value) {
        where.add(condition);
        if (parameter != null) {
            values.put(parameter, value);
        }
        return this;
    }

    /** {@code " where …"}, or nothing when no filter applies. */
    public String whereClause() {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** Binds the conditions' parameters to a query built with {@link #whereClause()}. */
    public void bind(Query query) {
        values.forEach(query::setParameter);
    }

    /** The filter parameters as given (name → values), for the record of an export. */
    public Map<String, List<String>> given() {
        return given;
    }

    private void parse(Map<String, List<String>> params, Clock clock) {
        String tag = single(params, "assetTag");
        if (tag != null) {
            and("a.assetTag = :assetTag", "assetTag", tag.trim());
        }
        String serial = single(params, "serialNumber");
        if (serial != null) {
            and("a.serialNumber = :serialNumber", "serialNumber", serial.trim());
        }
        String ownerType = single(params, "ownerType");
        UUID ownerId = Keyset.uuid(params, "ownerId");
        if (ownerType != null || ownerId != null) {
            if (ownerType == null) {
                throw QueryParameters.invalid("ownerType", "required with ownerId");
            }
            if (ownerId == null) {
                throw QueryParameters.invalid("ownerId", "required with ownerType");
            }
            switch (ownerType) {
                case "person" -> and("a.ownerPerson.id = :ownerId", "ownerId", ownerId);
                case "group" -> and("a.ownerGroup.id = :ownerId", "ownerId", ownerId);
                default ->
                        throw QueryParameters.invalid("ownerType", "must be one of: person, group");
            }
        }
        UUID holderId = Keyset.uuid(params, "holderId");
        if (holderId != null) {
            and("a.holder.id = :holderId", "holderId", holderId);
        }
        Set<AssetStatus> statuses = Keyset.enumValues(params, "status", AssetStatus.class);
        if (!statuses.isEmpty()) {
            and("a.status in (:status)", "status", List.copyOf(statuses));
        }
        Category category = Keyset.enumValue(params, "category", Category.class);
        if (category != null) {
            and("a.category = :category", "category", category);
        }
        String originalCategory = single(params, "originalCategory");
        if (originalCategory != null && !originalCategory.isBlank()) {
            and(
                    "lower(a.originalCategory) = :originalCategory",
                    "originalCategory",
                    originalCategory.strip().toLowerCase(Locale.ROOT));
        }
        Classification classification =
                Keyset.enumValue(params, "classification", Classification.class);
        if (classification != null) {
            and("a.classification = :classification", "classification", classification);
        }
        String q = single(params, "q");
        if (q != null && !q.isBlank()) {
            and(
                    "lower(a.name) like :q escape '\\'",
                    "q",
                    "%" + likeEscaped(q.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        Boolean overdue = Keyset.bool(params, "verificationOverdue");
        if (overdue != null) {
            and(
                    overdue ? "a.nextVerificationDue < :now" : "a.nextVerificationDue >= :now",
                    "now",
                    Instant.now(clock));
        }
        // posture as literals, not parameters, so that the partial indexes on "= false" match
        posture(params, "diskEncrypted", "a.diskEncrypted");
        posture(params, "mdmEnrolled", "a.mdmEnrolled");
        posture(params, "screenLock", "a.screenLock");
    }

    private void posture(Map<String, List<String>> params, String name, String path) {
        Boolean value = Keyset.bool(params, name);
        if (value != null) {
            and(path + " = " + value, null, null);
        }
    }

    /** The parameter's only value; null if absent or empty; 400 if given twice. */
    public static String single(Map<String, List<String>> params, String name) {
        String value = QueryParameters.once(params, name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** LIKE pattern characters taken literally, escaped with a backslash. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
