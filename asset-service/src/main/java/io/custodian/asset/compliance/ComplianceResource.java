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

/** {@code /api/v1/compliance/controls}: each control's status, counts and items, live. */
@Path("/api/v1/compliance/controls")
class ComplianceResource {

    private final Controls controls;

    ComplianceResource(Controls controls) {
        this.controls = controls;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AUDITOR, LEADERSHIP, ASSET_ADMIN})
    public Controls.Overview all(UriInfo uri) {
        return controls.all(uri.getQueryParameters());
    }

    @GET
    @Path("/{controlId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AUDITOR, LEADERSHIP, ASSET_ADMIN})
    public Controls.Result one(String controlId, UriInfo uri) {
        return controls.one(controlId, uri.getQueryParameters());
    }
}
