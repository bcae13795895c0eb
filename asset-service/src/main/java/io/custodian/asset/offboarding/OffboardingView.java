package io.custodian.asset.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.asset.inventory.AssetSummary;
import io.custodian.asset.ownership.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** An off-boarding as the API shows it, with its items (returns first, then by asset tag). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OffboardingView(
        UUID id,
        PersonRef person,
        PersonRef manager,
        LocalDate lastWorkingDay,
        String reference,
        Offboarding.Status status,
        Offboarding.Source source,
        Instant startedAt,
        String startedBy,
        Instant completedAt,
        LocalDate lastEscalatedOn,
        boolean overdue,
        List<ItemView> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonRef(UUID id, String employeeId, String name, String email, Person.Status status) {
        static PersonRef of(Person p) {
            return p == null
                    ? null
                    : new PersonRef(p.id, p.employeeId, p.displayName, p.email, p.status);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemView(
            UUID id,
            OffboardingItem.Kind kind,
            OffboardingItem.Status status,
            AssetSummary asset,
            Instant closedAt,
            String closedBy,
            String condition,
            String waiverReason) {
        static ItemView of(OffboardingItem i) {
            return new ItemView(
                    i.id,
                    i.kind,
                    i.status,
                    AssetSummary.of(i.asset),
                    i.closedAt,
                    i.closedBy,
                    i.condition,
                    i.waiverReason);
        }
    }

    static final Comparator<OffboardingItem> ITEM_ORDER =
            Comparator.<OffboardingItem, OffboardingItem.Kind>comparing(i -> i.kind)
                    .thenComparing(i -> i.asset.assetTag);

    /** The view; the person, manager and the items' assets must be loaded (inside the tx). */
    static OffboardingView of(Offboarding o, List<OffboardingItem> items, boolean overdue) {
        return new OffboardingView(
                o.id,
                PersonRef.of(o.person),
                PersonRef.of(o.person.manager),
                o.lastWorkingDay,
                o.reference,
                o.status,
                o.source,
                o.startedAt,
                o.startedBy,
                o.completedAt,
                o.escalatedOn,
                overdue,
                items.stream().sorted(ITEM_ORDER).map(ItemView::of).toList());
    }
}
