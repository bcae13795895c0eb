package io.custodian.asset.custody;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;

import io.custodian.asset.inventory.AssetView;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Path("/api/v1/assets")
class CustodyResource {

    private final Custodies custodies;
    private final Caller caller;

    CustodyResource(Custodies custodies, Caller caller) {
        this.custodies = custodies;
        this.caller = caller;
    }

    @POST
    @Path("/{assetId}/checkout")
    @RolesAllowed(ASSET_ADMIN)
    public Response checkOut(
            UUID assetId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Custodies.Checkout body) {
        return current(custodies.checkOut(assetId, ifMatch, body, caller));
    }

    @POST
    @Path("/{assetId}/checkin")
    @RolesAllowed(ASSET_ADMIN)
    public Response checkIn(
            UUID assetId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Custodies.Checkin body) {
        return current(custodies.checkIn(assetId, ifMatch, body, caller));
    }

    private static Response current(AssetView asset) {
        return Responses.current(asset, asset.version());
    }
}
