package io.custodian.asset.policy;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FormErrors;
import io.custodian.asset.web.FormValues;
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
 * An exception request in the console ({@code /console/exception?id=…}), where its alert links: the
 * request for whoever may read it through {@code GET /api/v1/exceptions/{id}}, and for leadership
 * the decision in one step (approve until a date, or reject, with a note), through the same {@link
 * ExceptionRequests#decide}: never one's own request (the 403 page), never twice (the conflict
 * page).
 */
@Path("/console/exception")
@Produces(MediaType.TEXT_HTML)
class ConsoleExceptionResource {

    /** What the decision form shows again when it is refused. */
    record Form(String decision, String validUntil, String note) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance exception(
                ExceptionView exception,
                boolean mayDecide,
                Form form,
                Map<String, String> errors,
                boolean decided);
    }

    private final ExceptionRequests exceptions;
    private final Caller caller;

    ConsoleExceptionResource(ExceptionRequests exceptions, Caller caller) {
        this.exceptions = exceptions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public TemplateInstance show(@RestQuery("id") UUID exceptionId, @RestQuery String done) {
        ExceptionView exception = exceptions.read(exceptionId, caller);
        return page(exception, null, Map.of(), "decision".equals(done));
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(LEADERSHIP)
    public Response decide(
            @RestQuery("id") UUID exceptionId,
            @RestForm String decision,
            @RestForm String validUntil,
            @RestForm String note) {
        return FormErrors.submitted(
                () ->
                        exceptions.decide(
                                exceptionId,
                                new ExceptionRequests.Decision(
                                        FormValues.choice(
                                                ExceptionRequests.Verdict.class,
                                                decision,
                                                false,
                                                "decision",
                                                "choose approve or reject"),
                                        note,
                                        "reject".equals(decision)
                                                ? null
                                                : FormValues.date(validUntil, "validUntil")),
                                caller),
                URI.create("/console/exception?id=" + exceptionId + "&done=decision"),
                errors ->
                        page(
                                exceptions.read(exceptionId, caller),
                                new Form(decision, validUntil, note),
                                errors,
                                false));
    }

    private TemplateInstance page(
            ExceptionView exception, Form form, Map<String, String> errors, boolean decided) {
        boolean mayDecide =
                caller.hasRole(LEADERSHIP)
                        && exception.status() == ExceptionRequest.Status.REQUESTED
                        && !exception.requestedBy().email().equalsIgnoreCase(caller.email());
        Form shown =
                form != null
                        ? form
                        : new Form("approve", String.valueOf(exception.wantedUntil()), null);
        return Templates.exception(exception, mayDecide, shown, errors, decided);
    }
}
