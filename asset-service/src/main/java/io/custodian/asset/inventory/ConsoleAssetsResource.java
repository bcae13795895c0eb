package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The console's pages of the register (server-rendered, {@code templates/console}): what the
 * signed-in person holds and owns, and one asset. The same reads and the same roles as {@code GET
 * /api/v1/me/assets} and {@code GET /api/v1/assets/{id}}: someone else's asset is a 404 page.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
class ConsoleAssetsResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance myAssets(String who, List<AssetView> assets);

        static native TemplateInstance asset(String who, AssetView asset);

        static native TemplateInstance notFound(String who, String what);
    }

    private final Inventory inventory;
    private final Caller caller;

    ConsoleAssetsResource(Inventory inventory, Caller caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response home() {
        return Response.seeOther(URI.create("/console/assets")).build();
    }

    @GET
    @Path("/assets")
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public TemplateInstance mine() {
        return Templates.myAssets(caller.email(), inventory.viewsHeldOrOwnedBy(caller.email()));
    }

    @GET
    @Path("/assets/{assetId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response one(UUID assetId) {
        try {
            return Response.ok(
                            Templates.asset(
                                    caller.email(), AssetView.of(inventory.read(assetId, caller))))
                    .build();
        } catch (ProblemException e) {
            if (e.kind() != ProblemException.Kind.NOT_FOUND) {
                throw e;
            }
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Templates.notFound(caller.email(), "asset"))
                    .build();
        }
    }
}
