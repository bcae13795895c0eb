package io.custodian.asset.offboarding;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.HR_SYSTEM;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** The off-boardings over HTTP: the HR webhook, the list, one off-boarding, and waivers. */
@Path("/api/v1/offboardings")
class OffboardingResource {

    private final Offboardings offboardings;
    private final OffboardingSearch search;
    private final Caller caller;

    OffboardingResource(Offboardings offboardings, OffboardingSearch search, Caller caller) {
        this.offboardings = offboardings;
        this.search = search;
        this.caller = caller;
    }

    /** The HR webhook: 201 the first time, 200 with the same off-boarding on a replay. */
    @POST
    @RolesAllowed({HR_SYSTEM, ASSET_ADMIN})
    public Response start(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            Offboardings.StartRequest body,
            UriInfo uri) {
        Offboardings.StartedView started = offboardings.startByWebhook(body, idempotencyKey);
        if (!started.created()) {
            return Response.ok(started.offboarding()).build();
        }
        return Responses.created(uri, started.offboarding().id(), started.offboarding());
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, HR_SYSTEM, EMPLOYEE})
    public Response list(UriInfo uri) {
        return search.list(Listing.of(uri), caller).response();
    }

    @GET
    @Path("/{offboardingId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, HR_SYSTEM, EMPLOYEE})
    public OffboardingView get(UUID offboardingId) {
        return search.read(offboardingId, caller);
    }

    @POST
    @Path("/{offboardingId}/items/{itemId}/waiver")
    @RolesAllowed(LEADERSHIP)
    public OffboardingView waive(UUID offboardingId, UUID itemId, Offboardings.Waiver body) {
        return offboardings.waive(offboardingId, itemId, body, caller);
    }
}
