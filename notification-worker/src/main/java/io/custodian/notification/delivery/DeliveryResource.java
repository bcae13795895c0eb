package io.custodian.notification.delivery;

import io.custodian.notification.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The delivery log: who was alerted about an event, through which channel, how it went. The
 * contract is api-spec/notification-worker.openapi.yaml.
 */
@Path("/api/v1/deliveries")
public class DeliveryResource {

    static final String ASSET_ADMIN = "asset-admin";
    static final String LEADERSHIP = "leadership";
    static final String AUDITOR = "auditor";

    private final DeliveryLog log;

    DeliveryResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public Response list(@QueryParam("eventId") String eventId, @Context UriInfo uri) {
        if (eventId == null || eventId.isBlank() || eventId.length() > 200) {
            return Problems.badParameter("eventId", "required, 1 to 200 characters", uri);
        }
        return Response.ok(log.ofEvent(eventId), MediaType.APPLICATION_JSON).build();
    }
}
