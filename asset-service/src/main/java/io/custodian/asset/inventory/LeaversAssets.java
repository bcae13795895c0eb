package io.custodian.asset.inventory;

import io.custodian.asset.ownership.Person;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The register's assets held or owned by people who are leaving or have left (and those owned by
 * groups that were deactivated), for their off-boarding and the compliance reports: each query goes
 * from the leavers through the holder's or owner's index.
 */
@ApplicationScoped
public class LeaversAssets {

    private static final List<Person.Status> LEAVING =
            List.of(Person.Status.LEAVING, Person.Status.DEPARTED);

    /**
     * Everything a leaver holds or owns personally, in one query (each side has its index), in
     * asset-tag order: what their off-boarding is to bring back or hand over.
     */
    public List<Asset> heldOrOwnedBy(Person leaver) {
        return Asset.<Asset>find(
                        "from Asset a where a.holder = ?1 or a.ownerPerson = ?1"
                                + " order by a.assetTag",
                        leaver)
                .list();
    }

    /** Assets a leaver owns personally, with owner and holder loaded, in asset-tag order. */
    public List<Asset> owned() {
        return Asset.<Asset>find(
                        "from Asset a join fetch a.ownerPerson p left join fetch a.holder"
                                + " where p.status in ?1 order by a.assetTag",
                        LEAVING)
                .list();
    }

    /**
     * Assets owned by a deactivated group (the identity provider deleted it), with owner and holder
     * loaded, in asset-tag order: like a leaver's, they need a new owner.
     */
    public List<Asset> ownedByDeactivatedGroups() {
        return Asset.<Asset>find(
                        "from Asset a join fetch a.ownerGroup g left join fetch a.holder"
                                + " where g.deactivatedAt is not null order by a.assetTag")
                .list();
    }

    /** Assets a leaver holds, with the holder loaded, in asset-tag order. */
    public List<Asset> held() {
        return Asset.<Asset>find(
                        "from Asset a join fetch a.holder p where p.status in ?1"
                                + " order by a.assetTag",
                        LEAVING)
                .list();
    }
}
