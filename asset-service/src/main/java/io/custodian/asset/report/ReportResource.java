package io.custodian.asset.report;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetSummary;
import io.custodian.asset.inventory.AssetView;
import io.custodian.asset.ownership.Person;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Compliance reports: what the policy asks someone to act on. */
@Path("/api/v1/reports")
class ReportResource {

    /**
     * Assets whose owner is leaving or has left: the policy wants one accountable owner for every
     * asset, so each needs its ownership transferred.
     */
    @GET
    @Path("/ownership-transfers")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public Report ownershipTransfers() {
        List<Asset> assets =
                Asset.<Asset>find(
                                "from Asset a join fetch a.ownerPerson p left join fetch a.holder"
                                        + " where p.status in ?1 order by a.assetTag",
                                List.of(Person.Status.LEAVING, Person.Status.DEPARTED))
                        .list();
        return new Report(assets.stream().map(AssetView::of).toList());
    }

    record Report(List<AssetView> items) {}

    /**
     * People who are leaving or have left and still hold or own assets: what off-boarding has not
     * brought back yet. Two queries (held, owned), each from the leavers through its index.
     */
    @GET
    @Path("/leavers-with-assets")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    @Transactional
    public LeaverReport leaversWithAssets() {
        List<Person.Status> leaving = List.of(Person.Status.LEAVING, Person.Status.DEPARTED);
        Map<UUID, Person> people = new HashMap<>();
        Map<UUID, List<AssetSummary>> holds = new HashMap<>();
        Map<UUID, List<AssetSummary>> owns = new HashMap<>();
        for (Asset a :
                Asset.<Asset>find(
                                "from Asset a join fetch a.holder p where p.status in ?1"
                                        + " order by a.assetTag",
                                leaving)
                        .list()) {
            people.put(a.holder.id, a.holder);
            holds.computeIfAbsent(a.holder.id, k -> new ArrayList<>()).add(AssetSummary.of(a));
        }
        for (Asset a :
                Asset.<Asset>find(
                                "from Asset a join fetch a.ownerPerson p where p.status in ?1"
                                        + " order by a.assetTag",
                                leaving)
                        .list()) {
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

    record LeaverReport(List<Leaver> items) {}

    record Leaver(PersonRef person, List<AssetSummary> holds, List<AssetSummary> owns) {}

    record PersonRef(UUID id, String employeeId, String name, String email, Person.Status status) {}
}
