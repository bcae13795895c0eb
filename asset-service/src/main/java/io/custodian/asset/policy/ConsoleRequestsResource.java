package io.custodian.asset.policy;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.inventory.AssetView;
import io.custodian.asset.inventory.Inventory;
import io.custodian.asset.security.Caller;
import io.custodian.asset.security.RateLimited;
import io.custodian.asset.web.Choice;
import io.custodian.asset.web.FormErrors;
import io.custodian.asset.web.FormValues;
import io.custodian.asset.web.ViewerZone;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An employee's two requests in the console, the API's operations with their roles and rate limit:
 * an exception request ({@code /console/request-exception}, as {@code POST /api/v1/exceptions}: a
 * clause, why, until when, and which of the caller's assets) and a violation report ({@code
 * /console/report-violation}, as {@code POST /api/v1/violations}: what happened, and optionally the
 * clause, when, who and which asset). The same {@link ExceptionRequests#request} and {@link
 * Violations#report}: leadership is alerted, a refusal is shown next to its field, and the sender
 * then follows it on "My reports and requests". Times are the company's.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
class ConsoleRequestsResource {

    /** One of the caller's assets an exception may concern, ticked or not. */
    record AssetChoice(UUID id, String label, boolean checked) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance requestException(
                List<Choice> clauses,
                List<AssetChoice> assets,
                Map<String, String> form,
                Map<String, String> errors);

        static native TemplateInstance reportViolation(
                List<Choice> clauses, Map<String, String> form, Map<String, String> errors);
    }

    private final ExceptionRequests exceptions;
    private final Violations violations;
    private final Inventory inventory;
    private final Clock clock;
    private final ViewerZone viewer;
    private final Caller caller;

    ConsoleRequestsResource(
            ExceptionRequests exceptions,
            Violations violations,
            Inventory inventory,
            Clock clock,
            ViewerZone viewer,
            Caller caller) {
        this.exceptions = exceptions;
        this.violations = violations;
        this.inventory = inventory;
        this.clock = clock;
        this.viewer = viewer;
        this.caller = caller;
    }

    @GET
    @Path("/request-exception")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public TemplateInstance exceptionForm() {
        return exceptionPage(List.of(), Map.of(), Map.of());
    }

    @POST
    @RateLimited
    @Path("/request-exception")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response requestException(
            @RestForm String clause,
            @RestForm String justification,
            @RestForm List<UUID> assetIds,
            @RestForm String wantedUntil) {
        return FormErrors.submitted(
                () ->
                        exceptions.request(
                                new ExceptionRequests.NewRequest(
                                        FormValues.choice(
                                                PolicyClause.class,
                                                clause,
                                                false,
                                                "clause",
                                                "choose the clause of the policy"),
                                        justification,
                                        assetIds,
                                        FormValues.date(wantedUntil, "wantedUntil")),
                                caller),
                URI.create("/console/my-reports?sent=exception"),
                errors ->
                        exceptionPage(
                                assetIds,
                                FormValues.of(
                                        "clause", clause,
                                        "justification", justification,
                                        "wantedUntil", wantedUntil),
                                errors));
    }

    @GET
    @Path("/report-violation")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public TemplateInstance violationForm() {
        return Templates.reportViolation(Choice.of(PolicyClause.values()), Map.of(), Map.of());
    }

    @POST
    @RateLimited
    @Path("/report-violation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response reportViolation(
            @RestForm String description,
            @RestForm String clause,
            @RestForm String occurredAt,
            @RestForm String personEmail,
            @RestForm String assetTag) {
        return FormErrors.submitted(
                () ->
                        violations.report(
                                new Violations.Report(
                                        description,
                                        FormValues.choice(
                                                PolicyClause.class,
                                                clause,
                                                true,
                                                "clause",
                                                "choose a clause of the policy, or none"),
                                        FormValues.instant(
                                                occurredAt,
                                                viewer.or(clock.getZone()),
                                                "occurredAt"),
                                        null,
                                        blankToNull(personEmail),
                                        null,
                                        blankToNull(assetTag)),
                                caller),
                URI.create("/console/my-reports?sent=violation"),
                errors ->
                        Templates.reportViolation(
                                Choice.of(PolicyClause.values()),
                                FormValues.of(
                                        "description", description,
                                        "clause", clause,
                                        "occurredAt", occurredAt,
                                        "personEmail", personEmail,
                                        "assetTag", assetTag),
                                errors));
    }

    private TemplateInstance exceptionPage(
            List<UUID> ticked, Map<String, String> form, Map<String, String> errors) {
        List<AssetChoice> assets =
                inventory.viewsHeldOrOwnedBy(caller.email()).stream()
                        .map(
                                (AssetView a) ->
                                        new AssetChoice(
                                                a.id(),
                                                a.assetTag() + " · " + a.name(),
                                                ticked != null && ticked.contains(a.id())))
                        .toList();
        return Templates.requestException(Choice.of(PolicyClause.values()), assets, form, errors);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
