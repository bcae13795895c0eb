package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Path("/api/v1/assets")
class VerificationResource {

    private final Verifications verifications;
    private final Caller caller;

    VerificationResource(Verifications verifications, Caller caller) {
        this.verifications = verifications;
        this.caller = caller;
    }

    @POST
    @Path("/{assetId}/verifications")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response attest(UUID assetId, Verifications.Attestation body) {
        AssetView asset = verifications.attest(assetId, body, caller);
        return Responses.current(asset, asset.version());
    }

    @POST
    @Path("/{assetId}/discrepancies")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response reportDiscrepancy(UUID assetId, Verifications.DiscrepancyNote body) {
        AssetView asset = verifications.reportDiscrepancy(assetId, body, caller);
        return Responses.current(asset, asset.version());
    }
}
