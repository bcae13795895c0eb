package io.custodian.asset.compliance;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/v1/compliance/trend}: each control's daily snapshots over a period. */
@Path("/api/v1/compliance/trend")
class TrendResource {

    private final ControlSnapshots snapshots;

    TrendResource(ControlSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AUDITOR, LEADERSHIP, ASSET_ADMIN})
    public ControlSnapshots.Trend trend(UriInfo uri) {
        return snapshots.trend(uri.getQueryParameters());
    }
}
