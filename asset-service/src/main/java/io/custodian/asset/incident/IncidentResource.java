package io.custodian.asset.incident;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/api/v1/incidents")
class IncidentResource {

    private final Incidents incidents;
    private final IncidentSearch search;
    private final Caller caller;

    IncidentResource(Incidents incidents, IncidentSearch search, Caller caller) {
        this.incidents = incidents;
        this.search = search;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response list(UriInfo uri) {
        return search.list(Listing.of(uri), caller).response();
    }

    @POST
    @RateLimited
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response report(Incidents.Report body, UriInfo uri) {
        IncidentView incident = incidents.report(body, caller);
        return Responses.created(uri, incident.id(), incident.version(), incident);
    }

    @GET
    @Path("/{incidentId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response get(UUID incidentId) {
        return current(incidents.read(incidentId, caller));
    }

    @POST
    @Path("/{incidentId}/actions")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP})
    public Response act(UUID incidentId, Incidents.NewAction body) {
        return current(incidents.act(incidentId, body, caller));
    }

    @POST
    @Path("/{incidentId}/closure")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP})
    public Response close(
            UUID incidentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Incidents.Closure body) {
        return current(incidents.close(incidentId, ifMatch, body, caller));
    }

    private static Response current(IncidentView incident) {
        return Responses.current(incident, incident.version());
    }
}
