package io.custodian.asset.policy;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.security.RateLimited;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/api/v1/violations")
class ViolationResource {

    private final Violations violations;
    private final Caller caller;

    ViolationResource(Violations violations, Caller caller) {
        this.violations = violations;
        this.caller = caller;
    }

    @POST
    @RateLimited
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response report(Violations.Report body, UriInfo uri) {
        ViolationView violation = violations.report(body, caller);
        return Responses.created(uri, violation.id(), violation);
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response list(UriInfo uri) {
        return violations.list(Listing.of(uri), caller).response();
    }

    @GET
    @Path("/{violationId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public ViolationView get(UUID violationId) {
        return violations.read(violationId, caller);
    }

    @POST
    @Path("/{violationId}/acknowledgement")
    @RolesAllowed(LEADERSHIP)
    public ViolationView acknowledge(UUID violationId, Violations.Acknowledgement body) {
        return violations.acknowledge(violationId, body, caller);
    }

    @POST
    @Path("/{violationId}/closure")
    @RolesAllowed(LEADERSHIP)
    public ViolationView close(UUID violationId, Violations.Closure body) {
        return violations.close(violationId, body, caller);
    }
}
