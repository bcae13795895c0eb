package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;

import io.custodian.asset.ownership.Party;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Choice;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * An admin's two steps on an asset's page, each one form with the version the page was read at as
 * {@code If-Match}: a lifecycle transition ({@code /console/asset-status?id=…}, as {@code POST
 * /api/v1/assets/{id}/transitions}: the same {@link Inventory#transition}, offering the steps its
 * lifecycle allows) and an owner change ({@code /console/asset-owner?id=…}, as {@code PUT
 * /api/v1/assets/{id}/owner}: a person by e-mail or a group by name, the same {@link
 * Inventory#changeOwner}). The API's problem is shown next to its field; a change made meanwhile is
 * the conflict page, and nothing is written.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
class ConsoleAssetActionsResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance assetStatus(
                AssetView asset,
                List<Choice> steps,
                Map<String, String> form,
                Map<String, String> errors);

        static native TemplateInstance assetOwner(
                AssetView asset, Map<String, String> form, Map<String, String> errors);
    }

    private final Inventory inventory;
    private final Caller caller;

    ConsoleAssetActionsResource(Inventory inventory, Caller caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    @GET
    @Path("/asset-status")
    @RolesAllowed(ASSET_ADMIN)
    public TemplateInstance statusForm(@RestQuery("id") UUID assetId) {
        AssetView asset = current(assetId);
        return statusPage(asset, FormValues.of("version", version(asset)), Map.of());
    }

    @POST
    @Path("/asset-status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ASSET_ADMIN)
    public Response transition(
            @RestQuery("id") UUID assetId,
            @RestForm String status,
            @RestForm String reason,
            @RestForm String version) {
        Map<String, String> typed =
                FormValues.of("status", status, "reason", reason, "version", version);
        return step(
                () ->
                        inventory.transition(
                                assetId,
                                Versions.ifMatch(version),
                                new Inventory.Transition(
                                        FormValues.choice(
                                                AssetStatus.class,
                                                status,
                                                false,
                                                "status",
                                                "choose the asset's next status"),
                                        reason)),
                errors -> statusPage(current(assetId), typed, errors));
    }

    @GET
    @Path("/asset-owner")
    @RolesAllowed(ASSET_ADMIN)
    public TemplateInstance ownerForm(@RestQuery("id") UUID assetId) {
        AssetView asset = current(assetId);
        return Templates.assetOwner(
                asset, FormValues.of("type", "person", "version", version(asset)), Map.of());
    }

    @POST
    @Path("/asset-owner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ASSET_ADMIN)
    public Response changeOwner(
            @RestQuery("id") UUID assetId,
            @RestForm String type,
            @RestForm String owner,
            @RestForm String version) {
        Map<String, String> typed = FormValues.of("type", type, "owner", owner, "version", version);
        return step(
                () ->
                        inventory.changeOwner(
                                assetId,
                                Versions.ifMatch(version),
                                inventory.ownerNamed(ownerType(type), owner)),
                errors -> Templates.assetOwner(current(assetId), typed, errors));
    }

    /** The step, then the asset's page; refused at a field, the form again with the reason. */
    private static Response step(
            Supplier<AssetView> command,
            java.util.function.Function<Map<String, String>, Object> refused) {
        return FormErrors.submittedOrRefusedAtAField(
                () -> URI.create("/console/assets/" + command.get().id() + "?saved=true"), refused);
    }

    private AssetView current(UUID assetId) {
        return AssetView.of(inventory.read(assetId, caller));
    }

    private TemplateInstance statusPage(
            AssetView asset, Map<String, String> form, Map<String, String> errors) {
        return Templates.assetStatus(
                asset,
                Choice.of(Inventory.nextSteps(asset.status()).toArray(AssetStatus[]::new)),
                form,
                errors);
    }

    private static String version(AssetView asset) {
        return Long.toString(asset.version());
    }

    private static Party.Type ownerType(String value) {
        return switch (blank(value)) {
            case "person" -> Party.Type.PERSON;
            case "group" -> Party.Type.GROUP;
            default -> null;
        };
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
