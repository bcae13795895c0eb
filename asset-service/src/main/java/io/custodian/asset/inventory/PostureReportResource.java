package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.MDM_SYNC;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * {@code POST /api/v1/posture-reports}: the MDM sync's batch of device posture reports, as JSON or
 * as CSV with a header line (then the batch id is the query's {@code batchId}).
 */
@Path("/api/v1/posture-reports")
class PostureReportResource {

    private final PostureReports reports;

    PostureReportResource(PostureReports reports) {
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({MDM_SYNC, ASSET_ADMIN})
    public PostureReports.Outcome receive(PostureReports.Batch body) {
        return reports.receive(body);
    }

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({MDM_SYNC, ASSET_ADMIN})
    public PostureReports.Outcome receiveCsv(
            InputStream body, @QueryParam("batchId") String batchId) {
        return reports.receiveCsv(batchId, body);
    }
}
