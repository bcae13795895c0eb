package io.custodian.asset.incident;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.asset.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/incidents")
class IncidentResource {

    private final Incidents incidents;
    private final Caller caller;

    IncidentResource(Incidents incidents, Caller caller) {
        this.incidents = incidents;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response report(Incidents.Report body, UriInfo uri) {
        Incident incident = incidents.report(body, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(incident.id.toString()).build())
                .entity(IncidentView.of(incident))
                .build();
    }

    @GET
    @Path("/{incidentId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public IncidentView get(UUID incidentId) {
        return IncidentView.of(incidents.read(incidentId, caller));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IncidentView(
            UUID id,
            Incident.Kind kind,
            Incident.Status status,
            AssetRef asset,
            Instant occurredAt,
            Instant reportedAt,
            long reportingDelaySeconds,
            boolean late,
            String location,
            String circumstances,
            String policeReference,
            String reportedBy) {

        record AssetRef(UUID id, String assetTag, String name) {}

        static IncidentView of(Incident i) {
            return new IncidentView(
                    i.id,
                    i.kind,
                    i.status,
                    new AssetRef(i.asset.id, i.asset.assetTag, i.asset.name),
                    i.occurredAt,
                    i.reportedAt,
                    i.reportingDelaySeconds,
                    i.late,
                    i.location,
                    i.circumstances,
                    i.policeReference,
                    i.reportedBy);
        }
    }
}
