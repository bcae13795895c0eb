package io.custodian.asset.report;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.AssetView;
import io.custodian.asset.ownership.Person;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

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
}
