package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** The signed-in person's own view of the register. */
@Path("/api/v1/me/assets")
class MeResource {

    private final Inventory inventory;
    private final Caller caller;

    MeResource(Inventory inventory, Caller caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public MyAssets list() {
        return new MyAssets(
                inventory.heldOrOwnedBy(caller.email()).stream().map(AssetView::of).toList());
    }

    record MyAssets(List<AssetView> items) {}
}
