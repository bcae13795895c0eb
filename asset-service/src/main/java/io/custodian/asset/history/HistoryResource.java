package io.custodian.asset.history;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/assets")
class HistoryResource {

    private final AssetHistory history;
    private final Caller caller;

    HistoryResource(AssetHistory history, Caller caller) {
        this.history = history;
        this.caller = caller;
    }

    /** Every change of the asset, oldest first; {@code next} links the following page. */
    @GET
    @Path("/{assetId}/history")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public HistoryEntry.Page get(
            UUID assetId,
            @QueryParam("after") Long after,
            @QueryParam("limit") Integer limit,
            UriInfo uri) {
        int size = limit == null ? AssetHistory.DEFAULT_LIMIT : limit;
        if (size < 1 || size > AssetHistory.MAX_LIMIT) {
            throw ProblemException.invalid(
                    "limit", "must be between 1 and " + AssetHistory.MAX_LIMIT);
        }
        if (after != null && after < 0) {
            throw ProblemException.invalid("after", "must not be negative");
        }
        AssetHistory.Slice slice = history.read(assetId, after, size, caller);
        List<HistoryEntry> entries = slice.entries();
        String next =
                slice.more()
                        ? uri.getRequestUriBuilder()
                                .replaceQueryParam(
                                        "after", entries.get(entries.size() - 1).revision())
                                .replaceQueryParam("limit", size)
                                .build()
                                .toString()
                        : null;
        return new HistoryEntry.Page(entries, next);
    }
}
