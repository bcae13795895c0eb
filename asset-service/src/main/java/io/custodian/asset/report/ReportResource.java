package io.custodian.asset.report;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.compliance.Controls;
import io.custodian.asset.export.ExportLog;
import io.custodian.asset.inventory.PostureReports;
import io.custodian.asset.web.Listing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/reports}, the one home of the reports: the compliance reports (what the policy
 * asks someone to act on) and the record of register exports.
 */
@Path("/api/v1/reports")
class ReportResource {

    private final ComplianceReports reports;
    private final ExportLog exports;
    private final Controls controls;
    private final PostureReports posture;

    ReportResource(
            ComplianceReports reports,
            ExportLog exports,
            Controls controls,
            PostureReports posture) {
        this.reports = reports;
        this.exports = exports;
        this.controls = controls;
        this.posture = posture;
    }

    /** The A.8.1 rule as a list: the endpoint devices in use that fail it, to chase. */
    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    @Path("/non-compliant-devices")
    public Controls.DeviceReport nonCompliantDevices(UriInfo uri) {
        return controls.nonCompliantDevices(uri.getQueryParameters());
    }

    /** Devices the MDM reports that the register does not know. */
    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    @Path("/unregistered-devices")
    public PostureReports.UnregisteredList unregisteredDevices(UriInfo uri) {
        return posture.unregistered(uri.getQueryParameters());
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    @Path("/ownership-transfers")
    public ComplianceReports.Report ownershipTransfers() {
        return reports.ownershipTransfers();
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    @Path("/leavers-with-assets")
    public ComplianceReports.LeaverReport leaversWithAssets() {
        return reports.leaversWithAssets();
    }

    /** Who exported the register, when, how and how many rows. */
    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    @Path("/exports")
    public Response exports(UriInfo uri) {
        return exports.list(Listing.of(uri)).response();
    }
}
