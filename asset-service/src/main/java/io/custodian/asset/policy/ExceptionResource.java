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

@Path("/api/v1/exceptions")
class ExceptionResource {

    private final ExceptionRequests exceptions;
    private final Caller caller;

    ExceptionResource(ExceptionRequests exceptions, Caller caller) {
        this.exceptions = exceptions;
        this.caller = caller;
    }

    @POST
    @RateLimited
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response request(ExceptionRequests.NewRequest body, UriInfo uri) {
        ExceptionView exception = exceptions.request(body, caller);
        return Responses.created(uri, exception.id(), exception);
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response list(UriInfo uri) {
        return exceptions.list(Listing.of(uri), caller).response();
    }

    @GET
    @Path("/{exceptionId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public ExceptionView get(UUID exceptionId) {
        return exceptions.read(exceptionId, caller);
    }

    @POST
    @Path("/{exceptionId}/decision")
    @RolesAllowed(LEADERSHIP)
    public ExceptionView decide(UUID exceptionId, ExceptionRequests.Decision body) {
        return exceptions.decide(exceptionId, body, caller);
    }
}
