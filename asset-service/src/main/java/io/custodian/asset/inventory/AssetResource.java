package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/api/v1/assets")
class AssetResource {

    private final Inventory inventory;
    private final Caller caller;

    AssetResource(Inventory inventory, Caller caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(ASSET_ADMIN)
    public Response create(Inventory.NewAsset body, UriInfo uri) {
        Asset asset = inventory.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(asset.id.toString()).build())
                .tag(etag(asset))
                .entity(AssetView.of(asset))
                .build();
    }

    @GET
    @Path("/{assetId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response get(UUID assetId) {
        Asset asset = inventory.read(assetId, caller);
        return Response.ok(AssetView.of(asset)).tag(etag(asset)).build();
    }

    private static EntityTag etag(Asset asset) {
        return new EntityTag(Long.toString(asset.version));
    }
}
