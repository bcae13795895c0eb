package io.custodian.asset.policy;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FormErrors;
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
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A violation report in the console ({@code /console/violation?id=…}), where its alerts link: the
 * report for whoever may read it through {@code GET /api/v1/violations/{id}} (its reporter sees
 * what they sent, nothing of the register), and for leadership its two steps in one tap each,
 * through the same {@link Violations#acknowledge} and {@link Violations#close}: never on a report
 * about oneself (the 403 page), never out of order (the conflict page).
 */
@Path("/console/violation")
@Produces(MediaType.TEXT_HTML)
class ConsoleViolationResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance violation(
                ViolationView violation, boolean mayAct, Map<String, String> errors, String done);
    }

    private final Violations violations;
    private final Caller caller;

    ConsoleViolationResource(Violations violations, Caller caller) {
        this.violations = violations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public TemplateInstance show(@RestQuery("id") UUID violationId, @RestQuery String done) {
        String shownDone = "acknowledgement".equals(done) || "closure".equals(done) ? done : null;
        return page(violations.read(violationId, caller), Map.of(), shownDone);
    }

    @POST
    @Path("/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(LEADERSHIP)
    public Response acknowledge(@RestQuery("id") UUID violationId, @RestForm String note) {
        return submitted(
                violationId,
                "acknowledgement",
                () ->
                        violations.acknowledge(
                                violationId, new Violations.Acknowledgement(note), caller));
    }

    @POST
    @Path("/closure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(LEADERSHIP)
    public Response close(@RestQuery("id") UUID violationId, @RestForm String outcome) {
        return submitted(
                violationId,
                "closure",
                () -> violations.close(violationId, new Violations.Closure(outcome), caller));
    }

    /** After a step: back to the page, or its field errors next to the fields. */
    private Response submitted(UUID id, String step, Runnable command) {
        return FormErrors.submitted(
                command,
                URI.create("/console/violation?id=" + id + "&done=" + step),
                errors -> page(violations.read(id, caller), errors, null));
    }

    private TemplateInstance page(
            ViolationView violation, Map<String, String> errors, String done) {
        boolean mayAct =
                caller.hasRole(LEADERSHIP)
                        && violation.status() != Violation.Status.CLOSED
                        && (violation.person() == null
                                || !caller.email().equalsIgnoreCase(violation.person().email()));
        return Templates.violation(violation, mayAct, errors, done);
    }
}
