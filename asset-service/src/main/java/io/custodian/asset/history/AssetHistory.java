package io.custodian.asset.history;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.Inventory;
import io.custodian.asset.ownership.Group;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * The history of an asset, read from the Envers audit rows: each revision diffed against the one
 * before it, oldest first, a page at a time.
 */
@ApplicationScoped
public class AssetHistory {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final EntityManager em;
    private final Inventory inventory;

    AssetHistory(EntityManager em, Inventory inventory) {
        this.em = em;
        this.inventory = inventory;
    }

    /** A slice of the history: revisions after {@code after} (exclusive), at most {@code limit}. */
    public record Slice(List<HistoryEntry> entries, boolean more) {}

    /**
     * The asset's revisions after {@code after}, if the caller may see the asset (same rule as
     * reading it; 404 otherwise, so existence does not leak).
     */
    @Transactional
    public Slice read(UUID assetId, Long after, int limit, Caller caller) {
        Asset asset =
                inventory
                        .find(assetId, null)
                        .orElseThrow(() -> ProblemException.notFound("asset", assetId));
        if (!caller.readsEverything() && !asset.isHeldOrOwnedBy(caller.email())) {
            throw ProblemException.notFound("asset", assetId);
        }

        Map<String, Object> previous = null;
        if (after != null) {
            List<?> baseline =
                    auditQuery(assetId)
                            .add(AuditEntity.revisionNumber().le(after))
                            .addOrder(AuditEntity.revisionNumber().desc())
                            .setMaxResults(1)
                            .getResultList();
            if (!baseline.isEmpty()) {
                previous = snapshot((Object[]) baseline.get(0));
            }
        }
        var query = auditQuery(assetId);
        if (after != null) {
            query.add(AuditEntity.revisionNumber().gt(after));
        }
        List<?> rows =
                query.addOrder(AuditEntity.revisionNumber().asc())
                        .setMaxResults(limit + 1)
                        .getResultList();

        List<HistoryEntry> entries = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(limit, rows.size()))) {
            Object[] columns = (Object[]) row;
            Revision revision = (Revision) columns[1];
            RevisionType type = (RevisionType) columns[2];
            Map<String, Object> current = snapshot(columns);
            HistoryEntry.Action action =
                    switch (type) {
                        case ADD -> HistoryEntry.Action.CREATED;
                        case MOD -> HistoryEntry.Action.UPDATED;
                        case DEL -> HistoryEntry.Action.DELETED;
                    };
            List<HistoryEntry.Change> changes =
                    action == HistoryEntry.Action.DELETED
                            ? List.of()
                            : diff(
                                    action == HistoryEntry.Action.CREATED ? null : previous,
                                    current);
            entries.add(
                    new HistoryEntry(revision.id, revision.at, revision.actor, action, changes));
            previous = current;
        }
        return new Slice(entries, rows.size() > limit);
    }

    private org.hibernate.envers.query.AuditQuery auditQuery(UUID assetId) {
        return AuditReaderFactory.get(em)
                .createQuery()
                .forRevisionsOfEntity(Asset.class, false, true)
                .add(AuditEntity.id().eq(assetId));
    }

    /** The fields of one audit row, named and spelled as the API does. */
    private static Map<String, Object> snapshot(Object[] columns) {
        Asset a = (Asset) columns[0];
        Map<String, Object> fields = new LinkedHashMap<>();
        if (a == null) {
            return fields;
        }
        fields.put("assetTag", a.assetTag);
        fields.put("name", a.name);
        fields.put("category", LowerCaseEnums.of(a.category));
        fields.put("originalCategory", a.originalCategory);
        fields.put("classification", LowerCaseEnums.of(a.classification));
        fields.put("status", LowerCaseEnums.of(a.status));
        fields.put("serialNumber", a.serialNumber);
        fields.put("manufacturer", a.manufacturer);
        fields.put("model", a.model);
        fields.put("notes", a.notes);
        fields.put("location", a.location);
        fields.put("purchaseDate", text(a.purchaseDate));
        fields.put("warrantyUntil", text(a.warrantyUntil));
        fields.put("posture.diskEncrypted", a.diskEncrypted);
        fields.put("posture.mdmEnrolled", a.mdmEnrolled);
        fields.put("posture.screenLock", a.screenLock);
        fields.put("osVersion", a.osVersion);
        fields.put("lastCheckInAt", text(a.lastCheckInAt));
        fields.put("postureReportedAt", text(a.postureReportedAt));
        fields.put("postureSource", a.postureSource);
        fields.put("owner", owner(a.ownerPerson, a.ownerGroup));
        UUID holder = idOf(a.holder);
        fields.put("holder", holder == null ? null : party("person", holder));
        fields.put("lastVerifiedAt", text(a.lastVerifiedAt));
        fields.put("nextVerificationDue", text(a.nextVerificationDue));
        fields.put("verificationRemindedFor", text(a.verificationRemindedFor));
        fields.put("discrepancy.reportedAt", text(a.discrepancyReportedAt));
        fields.put("discrepancy.reportedBy", a.discrepancyReportedBy);
        fields.put("discrepancy.note", a.discrepancyNote);
        return fields;
    }

    private static List<HistoryEntry.Change> diff(
            Map<String, Object> before, Map<String, Object> after) {
        List<HistoryEntry.Change> changes = new ArrayList<>();
        after.forEach(
                (field, to) -> {
                    Object from = before == null ? null : before.get(field);
                    if (!Objects.equals(from, to)) {
                        changes.add(new HistoryEntry.Change(field, from, to));
                    }
                });
        return changes;
    }

    private static Map<String, Object> owner(Person person, Group group) {
        UUID personId = idOf(person);
        if (personId != null) {
            return party("person", personId);
        }
        UUID groupId = idOf(group);
        return groupId == null ? null : party("group", groupId);
    }

    private static Map<String, Object> party(String type, UUID id) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("type", type);
        party.put("id", id.toString());
        return party;
    }

    /** The id of a related entity without loading it (Envers hands out lazy proxies). */
    private static UUID idOf(Object entity) {
        if (entity == null) {
            return null;
        }
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(entity);
        if (lazy != null) {
            return (UUID) lazy.getInternalIdentifier();
        }
        return entity instanceof Person p ? p.id : ((Group) entity).id;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
