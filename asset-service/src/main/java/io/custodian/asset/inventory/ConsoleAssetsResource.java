package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.HR_SYSTEM;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
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
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The console's pages of the register (server-rendered, {@code templates/console}): what the
 * signed-in person holds and owns (personally or through a group), and one asset. The same reads
 * and the same roles as {@code GET /api/v1/me/assets} and {@code GET /api/v1/assets/{id}}: someone
 * else's asset is a 404 page. "I still have it" is {@code POST /api/v1/assets/{id}/verifications}:
 * the same {@link Verifications#attest}, then back to the list, which says until when it is
 * confirmed; "I don't have this" is {@code POST /api/v1/assets/{id}/discrepancies}.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
class ConsoleAssetsResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance myAssets(
                List<AssetView> assets, AssetView confirmed, AssetView flagged);

        static native TemplateInstance asset(AssetView asset, boolean saved, boolean mayEdit);
    }

    private final Inventory inventory;
    private final Verifications verifications;
    private final Caller caller;

    ConsoleAssetsResource(Inventory inventory, Verifications verifications, Caller caller) {
        this.inventory = inventory;
        this.verifications = verifications;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP, AUDITOR, HR_SYSTEM})
    public Response home() {
        String home =
                caller.hasOwnAssets()
                        ? "/console/assets"
                        : caller.readsEverything() ? "/console/incidents" : "/console/offboardings";
        return Response.seeOther(URI.create(home)).build();
    }

    @GET
    @Path("/assets")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public TemplateInstance mine(@RestQuery UUID confirmed, @RestQuery UUID flagged) {
        List<AssetView> assets = inventory.viewsHeldOrOwnedBy(caller.email());
        return Templates.myAssets(assets, among(assets, confirmed), among(assets, flagged));
    }

    private static AssetView among(List<AssetView> assets, UUID id) {
        return id == null
                ? null
                : assets.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    @POST
    @Path("/assets/{assetId}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response stillHaveIt(UUID assetId) {
        verifications.attest(assetId, new Verifications.Attestation(null), caller);
        return Response.seeOther(URI.create("/console/assets?confirmed=" + assetId)).build();
    }

    /** "I don't have this": {@link Verifications#reportDiscrepancy}, then back to the list. */
    @POST
    @Path("/assets/{assetId}/discrepancy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response dontHaveIt(UUID assetId) {
        verifications.reportDiscrepancy(assetId, new Verifications.DiscrepancyNote(null), caller);
        return Response.seeOther(URI.create("/console/assets?flagged=" + assetId)).build();
    }

    @GET
    @Path("/assets/{assetId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public TemplateInstance one(UUID assetId, @RestQuery boolean saved) {
        return Templates.asset(
                AssetView.of(inventory.read(assetId, caller)), saved, caller.actsOnAnyAsset());
    }
}
