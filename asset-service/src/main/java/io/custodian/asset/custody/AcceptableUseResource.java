package io.custodian.asset.custody;

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

@Path("/api/v1/acceptable-use")
class AcceptableUseResource {

    private final AcceptableUse rules;
    private final Caller caller;

    AcceptableUseResource(AcceptableUse rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(ASSET_ADMIN)
    public Response publish(AcceptableUse.NewVersion body, UriInfo uri) {
        RulesView version = RulesView.of(rules.publish(body, caller), null);
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path("/api/v1/acceptable-use/versions/" + version.version())
                                .build())
                .entity(version)
                .build();
    }

    @GET
    @Path("/current")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public RulesView current() {
        AcceptableUseVersion current = rules.current();
        return RulesView.of(current, rules.acknowledgementOf(caller, current).orElse(null));
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public RulesView version(String version) {
        AcceptableUseVersion found = rules.version(version);
        return RulesView.of(found, rules.acknowledgementOf(caller, found).orElse(null));
    }

    @POST
    @Path("/current/acknowledgements")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response acknowledge() {
        AcceptableUse.Acknowledged result = rules.acknowledge(caller);
        AckView view = AckView.of(result.acknowledgement(), caller.email());
        return Response.status(result.isNew() ? 201 : 200).entity(view).build();
    }

    /** The rules, and when the caller acknowledged them (absent when they have not). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RulesView(
            String version,
            String title,
            String text,
            String url,
            Instant publishedAt,
            String publishedBy,
            Instant acknowledgedAt) {
        static RulesView of(AcceptableUseVersion v, Acknowledgement ack) {
            return new RulesView(
                    v.version,
                    v.title,
                    v.body,
                    v.url,
                    v.publishedAt,
                    v.publishedBy,
                    ack == null ? null : ack.acknowledgedAt);
        }
    }

    record AckView(String version, String person, Instant acknowledgedAt) {
        static AckView of(Acknowledgement ack, String person) {
            return new AckView(ack.version.version, person, ack.acknowledgedAt);
        }
    }
}
