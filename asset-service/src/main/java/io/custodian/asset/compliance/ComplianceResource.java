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

/**
 * {@code /api/v1/compliance}: each control's status, counts and items, live ({@code controls}), and
 * their daily snapshots over a period ({@code trend}).
 */
@Path("/api/v1/compliance")
class ComplianceResource {

    private final Controls controls;
    private final ControlSnapshots snapshots;

    ComplianceResource(Controls controls, ControlSnapshots snapshots) {
        this.controls = controls;
        this.snapshots = snapshots;
    }

    @GET
    @Path("/controls")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AUDITOR, LEADERSHIP, ASSET_ADMIN})
    public Controls.Overview all(UriInfo uri) {
        return controls.all(uri.getQueryParameters());
    }

    @GET
    @Path("/controls/{controlId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AUDITOR, LEADERSHIP, ASSET_ADMIN})
    public Controls.Result one(String controlId, UriInfo uri) {
        return controls.one(controlId, uri.getQueryParameters());
    }

    @GET
    @Path("/trend")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AUDITOR, LEADERSHIP, ASSET_ADMIN})
    public ControlSnapshots.Trend trend(UriInfo uri) {
        return snapshots.trend(uri.getQueryParameters());
    }
}
