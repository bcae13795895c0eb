package io.custodian.asset.export;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Who exported the register, when, how and how many rows: for IT, leadership and auditors. */
@Path("/api/v1/reports")
class ExportReportResource {

    private final ExportLog log;

    ExportReportResource(ExportLog log) {
        this.log = log;
    }

    @GET
    @Path("/exports")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public Response exports(UriInfo uri) {
        return log.list(uri);
    }
}
