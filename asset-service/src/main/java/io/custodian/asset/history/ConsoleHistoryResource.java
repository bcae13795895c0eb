package io.custodian.asset.history;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * An asset's history in the console ({@code /console/asset-history?id=…}), newest first: who
 * changed what and when, from {@code GET /api/v1/assets/{id}/history} with its roles (someone
 * else's asset is the 404 page). Where a stale edit sends the admin to see what changed meanwhile.
 */
@Path("/console/asset-history")
@Produces(MediaType.TEXT_HTML)
class ConsoleHistoryResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance assetHistory(
                UUID assetId, List<HistoryEntry> entries, boolean more);
    }

    private final AssetHistory history;
    private final Caller caller;

    ConsoleHistoryResource(AssetHistory history, Caller caller) {
        this.history = history;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public TemplateInstance show(@RestQuery("id") UUID assetId) {
        // newest first: read to the end, keep the last MAX_LIMIT revisions
        ArrayDeque<HistoryEntry> newest = new ArrayDeque<>();
        boolean older = false;
        Long after = null;
        AssetHistory.Slice slice;
        do {
            slice = history.read(assetId, after, AssetHistory.MAX_LIMIT, caller);
            for (HistoryEntry e : slice.entries()) {
                newest.addFirst(e);
                if (newest.size() > AssetHistory.MAX_LIMIT) {
                    newest.removeLast();
                    older = true;
                }
            }
            after =
                    slice.entries().isEmpty()
                            ? after
                            : slice.entries().get(slice.entries().size() - 1).revision();
        } while (slice.more());
        return Templates.assetHistory(assetId, List.copyOf(newest), older);
    }
}
