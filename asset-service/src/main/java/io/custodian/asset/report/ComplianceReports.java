package io.custodian.asset.report;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetSummary;
import io.custodian.asset.inventory.AssetView;
import io.custodian.asset.inventory.LeaversAssets;
import io.custodian.asset.ownership.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The compliance reports: what the policy asks someone to act on, read from the register. */
@ApplicationScoped
class ComplianceReports {

    record Report(List<AssetView> items) {}

    record LeaverReport(List<Leaver> items) {}

    record Leaver(PersonRef person, List<AssetSummary> holds, List<AssetSummary> owns) {}

    record PersonRef(UUID id, String employeeId, String name, String email, Person.Status status) {}

    private final LeaversAssets leaversAssets;

    ComplianceReports(LeaversAssets leaversAssets) {
        this.leaversAssets = leaversAssets;
    }

    /**
     * Assets whose owner is leaving or has left, or is a group that was deactivated (deleted over
     * SCIM): the policy wants one accountable owner for every asset, so each needs its ownership
     * transferred. In asset-tag order.
     */
    @Transactional
    Report ownershipTransfers() {
        List<Asset> assets = new ArrayList<>(leaversAssets.owned());
        assets.addAll(leaversAssets.ownedByDeactivatedGroups());
        assets.sort(Comparator.comparing((Asset a) -> a.assetTag));
        return new Report(assets.stream().map(AssetView::of).toList());
    }

    /**
     * People who are leaving or have left and still hold or own assets: what off-boarding has not
     * brought back yet.
     */
    @Transactional
    LeaverReport leaversWithAssets() {
        Map<UUID, Person> people = new HashMap<>();
        Map<UUID, List<AssetSummary>> holds = new HashMap<>();
        Map<UUID, List<AssetSummary>> owns = new HashMap<>();
        for (Asset a : leaversAssets.held()) {
            people.put(a.holder.id, a.holder);
            holds.computeIfAbsent(a.holder.id, k -> new ArrayList<>()).add(AssetSummary.of(a));
        }
        for (Asset a : leaversAssets.owned()) {
            people.put(a.ownerPerson.id, a.ownerPerson);
            owns.computeIfAbsent(a.ownerPerson.id, k -> new ArrayList<>()).add(AssetSummary.of(a));
        }
        return new LeaverReport(
                people.values().stream()
                        .sorted(Comparator.comparing((Person p) -> p.email))
                        .map(
                                p ->
                                        new Leaver(
                                                new PersonRef(
                                                        p.id,
                                                        p.employeeId,
                                                        p.displayName,
                                                        p.email,
                                                        p.status),
                                                holds.getOrDefault(p.id, List.of()),
                                                owns.getOrDefault(p.id, List.of())))
                        .toList());
    }
}
