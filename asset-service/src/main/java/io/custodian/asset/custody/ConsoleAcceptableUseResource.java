package io.custodian.asset.custody;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The acceptable-use rules in the console: the current version as {@code GET
 * /api/v1/acceptable-use/current} shows it, with when the signed-in person acknowledged it, and the
 * acknowledgement in one tap ({@code POST …/current/acknowledgements}, the same {@link
 * AcceptableUse#acknowledge}; again is harmless). Check-out is refused until it is given.
 */
@Path("/console/acceptable-use")
@Produces(MediaType.TEXT_HTML)
class ConsoleAcceptableUseResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance acceptableUse(
                AcceptableUseResource.RulesView rules, boolean mayAcknowledge, boolean done);
    }

    private final AcceptableUse rules;
    private final Caller caller;

    ConsoleAcceptableUseResource(AcceptableUse rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public TemplateInstance show(@RestQuery boolean done) {
        AcceptableUseResource.RulesView current;
        try {
            AcceptableUseVersion version = rules.current();
            current =
                    AcceptableUseResource.RulesView.of(
                            version, rules.acknowledgementOf(caller, version).orElse(null));
        } catch (ProblemException e) {
            if (e.kind() != ProblemException.Kind.NOT_FOUND) {
                throw e;
            }
            current = null;
        }
        return Templates.acceptableUse(current, caller.hasOwnAssets(), done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response acknowledge() {
        rules.acknowledge(caller);
        return Response.seeOther(URI.create("/console/acceptable-use?done=true")).build();
    }
}
