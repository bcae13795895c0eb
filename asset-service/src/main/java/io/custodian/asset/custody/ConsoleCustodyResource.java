package io.custodian.asset.custody;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;

import io.custodian.asset.inventory.AssetView;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FormErrors;
import io.custodian.asset.web.FormValues;
import io.custodian.asset.web.Versions;
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
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Check-out and check-in in the console ({@code /console/custody?id=…}, admins, as {@code POST
 * /api/v1/assets/{id}/checkout} and {@code …/checkin}): the same {@link Custodies#checkOut} and
 * {@link Custodies#checkIn}, with the version the page was read at as {@code If-Match}. A check-out
 * to someone who has not acknowledged the current acceptable-use rules is the API's 409, shown next
 * to the person's field with its detail; a change made meanwhile is the conflict page.
 */
@Path("/console/custody")
@Produces(MediaType.TEXT_HTML)
class ConsoleCustodyResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance custody(
                AssetView asset, Map<String, String> form, Map<String, String> errors);
    }

    private final Custodies custodies;
    private final Caller caller;

    ConsoleCustodyResource(Custodies custodies, Caller caller) {
        this.custodies = custodies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(ASSET_ADMIN)
    public TemplateInstance show(@RestQuery("id") UUID assetId) {
        return Templates.custody(custodies.asset(assetId), Map.of(), Map.of());
    }

    @POST
    @Path("/checkout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ASSET_ADMIN)
    public Response checkOut(
            @RestQuery("id") UUID assetId,
            @RestForm String person,
            @RestForm String note,
            @RestForm String version) {
        return step(
                assetId,
                FormValues.of("person", person, "note", note),
                () ->
                        custodies.checkOut(
                                assetId,
                                Versions.ifMatch(version),
                                new Custodies.Checkout(custodies.personNamed(person), note),
                                caller));
    }

    @POST
    @Path("/checkin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ASSET_ADMIN)
    public Response checkIn(
            @RestQuery("id") UUID assetId, @RestForm String condition, @RestForm String version) {
        return step(
                assetId,
                FormValues.of("condition", condition),
                () ->
                        custodies.checkIn(
                                assetId,
                                Versions.ifMatch(version),
                                new Custodies.Checkin(condition),
                                caller));
    }

    /** The step, then the asset's page; refused at a field, this page again with the reason. */
    private Response step(UUID assetId, Map<String, String> typed, Supplier<AssetView> command) {
        return FormErrors.submittedOrRefusedAtAField(
                () -> URI.create("/console/assets/" + command.get().id() + "?saved=true"),
                errors -> Templates.custody(custodies.asset(assetId), typed, errors));
    }
}
