package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/api/v1/assets")
class AssetResource {

    private final Inventory inventory;
    private final Caller caller;

    /** Search and list (keyset pagination); the filters and paging live in {@link AssetSearch}. */
    private final AssetSearch search;

    AssetResource(Inventory inventory, Caller caller, AssetSearch search) {
        this.inventory = inventory;
        this.caller = caller;
        this.search = search;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response list(UriInfo uri) {
        return search.list(Listing.of(uri), caller).response();
    }

    @POST
    @RolesAllowed(ASSET_ADMIN)
    public Response create(NewAsset body, UriInfo uri) {
        AssetView asset = AssetView.of(inventory.create(body));
        return Responses.created(uri, asset.id(), asset.version(), asset);
    }

    @GET
    @Path("/{assetId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response get(UUID assetId) {
        return current(AssetView.of(inventory.read(assetId, caller)));
    }

    @PUT
    @Path("/{assetId}")
    @RolesAllowed(ASSET_ADMIN)
    public Response replace(
            UUID assetId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AssetDetails body) {
        return current(inventory.replace(assetId, ifMatch, body));
    }

    @PATCH
    @Path("/{assetId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(ASSET_ADMIN)
    public Response patch(
            UUID assetId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ObjectNode body)
            throws JsonProcessingException {
        return current(inventory.patch(assetId, ifMatch, body));
    }

    @POST
    @Path("/{assetId}/transitions")
    @RolesAllowed(ASSET_ADMIN)
    public Response transition(
            UUID assetId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Inventory.Transition body) {
        return current(inventory.transition(assetId, ifMatch, body));
    }

    @PUT
    @Path("/{assetId}/owner")
    @RolesAllowed(ASSET_ADMIN)
    public Response changeOwner(
            UUID assetId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Inventory.OwnerRef body) {
        return current(inventory.changeOwner(assetId, ifMatch, body));
    }

    private static Response current(AssetView asset) {
        return Responses.current(asset, asset.version());
    }
}
