package io.custodian.asset.export;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;

import io.custodian.asset.security.Caller;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/** The register as a file: CSV or JSON, filtered as the search is, streamed. */
@Path("/api/v1/exports")
class ExportResource {

    private final Exports exports;
    private final Caller caller;

    ExportResource(Exports exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, AUDITOR})
    public Response export(UriInfo uri, @Context HttpServerResponse response) {
        // the server drops what is written after the client went away, without an error: the
        // export asks the connection itself, so that it stops and is recorded as failed
        Exports.Export export =
                exports.start(uri.getQueryParameters(), caller.email(), response::closed);
        return Response.ok((StreamingOutput) export.body()::writeTo, export.format().mediaType)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }
}
