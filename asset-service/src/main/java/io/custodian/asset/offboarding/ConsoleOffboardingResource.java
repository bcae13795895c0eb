package io.custodian.asset.offboarding;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.HR_SYSTEM;
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
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * One off-boarding in the console ({@code /console/offboarding?id=…}, whoever may read it through
 * {@code GET /api/v1/offboardings/{id}}; for the leaver it is their return checklist): each item —
 * what, to whom (IT, or a new owner), by when — with the steps that close it: an admin checks the
 * asset in or gives it a new owner (those pages), leadership waives it with a reason through the
 * same {@link Offboardings#waive} ({@code POST …/items/{itemId}/waiver}), never on their own
 * off-boarding (the 403 page), never twice (the conflict page).
 */
@Path("/console/offboarding")
@Produces(MediaType.TEXT_HTML)
class ConsoleOffboardingResource {

    /** What the page says beside its items: whose it is, and by when a return is overdue. */
    record Facts(boolean mine, boolean mayWaive, boolean actsOnAssets, LocalDate overdueAfter) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance offboarding(
                OffboardingView offboarding,
                Facts facts,
                UUID refusedItem,
                Map<String, String> errors,
                boolean waived);
    }

    private final OffboardingSearch search;
    private final Offboardings offboardings;
    private final Caller caller;

    ConsoleOffboardingResource(OffboardingSearch search, Offboardings offboardings, Caller caller) {
        this.search = search;
        this.offboardings = offboardings;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, HR_SYSTEM, EMPLOYEE})
    public TemplateInstance show(@RestQuery("id") UUID offboardingId, @RestQuery String done) {
        return page(search.read(offboardingId, caller), null, Map.of(), "waiver".equals(done));
    }

    @POST
    @Path("/waiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(LEADERSHIP)
    public Response waive(
            @RestQuery("id") UUID offboardingId,
            @RestQuery("item") UUID itemId,
            @RestForm String reason) {
        return FormErrors.submitted(
                () ->
                        offboardings.waive(
                                offboardingId, itemId, new Offboardings.Waiver(reason), caller),
                URI.create("/console/offboarding?id=" + offboardingId + "&done=waiver"),
                errors -> page(search.read(offboardingId, caller), itemId, errors, false));
    }

    private TemplateInstance page(
            OffboardingView o, UUID refusedItem, Map<String, String> errors, boolean waived) {
        boolean mine = o.person().email().equalsIgnoreCase(caller.email());
        Facts facts =
                new Facts(
                        mine,
                        caller.hasRole(LEADERSHIP) && !mine,
                        caller.actsOnAnyAsset(),
                        search.lastDayBeforeOverdue(o));
        return Templates.offboarding(o, facts, refusedItem, errors, waived);
    }
}
