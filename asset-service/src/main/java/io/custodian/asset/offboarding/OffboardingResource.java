package io.custodian.asset.offboarding;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.HR_SYSTEM;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
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
        return Response.created(
                        uri.getAbsolutePathBuilder()
                                .path(started.offboarding().id().toString())
                                .build())
                .entity(started.offboarding())
                .build();
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, HR_SYSTEM, EMPLOYEE})
    public Response list(UriInfo uri) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        Keyset.onlyKnown(params, Set.of("status", "overdue"));
        int limit = Keyset.limit(params);
        Keyset.Position after = Keyset.cursor(params);
        OffboardingSearch.Filter filter =
                new OffboardingSearch.Filter(
                        status(Keyset.single(params, "status")),
                        overdue(Keyset.single(params, "overdue")));
        return Keyset.page(uri, search.list(filter, after, limit, caller), OffboardingPage::new);
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

    private static Offboarding.Status status(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "open" -> Offboarding.Status.OPEN;
            case "completed" -> Offboarding.Status.COMPLETED;
            default -> throw QueryParameters.invalid("status", "must be one of: open, completed");
        };
    }

    private static Boolean overdue(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryParameters.invalid("overdue", "must be true or false");
        };
    }
}
