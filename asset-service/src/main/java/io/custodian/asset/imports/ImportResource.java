package io.custodian.asset.imports;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

@Path("/api/v1/imports")
class ImportResource {

    static final String CSV = "text/csv";

    private final Imports imports;
    private final Caller caller;

    ImportResource(Imports imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(ASSET_ADMIN)
    public Response submit(
            InputStream body,
            @QueryParam("dialect") String dialect,
            @QueryParam("mode") String mode,
            @QueryParam("dryRun") String dryRun,
            @QueryParam("defaultOwnerGroup") String defaultOwnerGroup,
            UriInfo uri) {
        ImportOptions options =
                ImportOptions.of(
                        dialect, mode, dryRun, defaultOwnerGroup, QueryParameters::invalid);
        ImportJob job = imports.submit(body, options, caller.email());
        return Response.accepted(job)
                .location(
                        uri.getBaseUriBuilder()
                                .path("api/v1/imports")
                                .path(job.id().toString())
                                .build())
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public Response list(UriInfo uri) {
        return imports.list(Listing.of(uri)).response();
    }

    @GET
    @Path("/{importId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public ImportJob get(UUID importId) {
        return imports.read(importId);
    }

    @GET
    @Path("/{importId}/errors")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public Response errors(UUID importId) {
        return streamed(importId, imports::writeErrorsAsJson, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{importId}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public Response changes(UUID importId) {
        return streamed(importId, imports::writeChangesAsJson, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{importId}/errors")
    @Produces(CSV)
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public Response errorsAsCsv(UUID importId) {
        return streamed(importId, imports::writeErrorsAsCsv, CSV + "; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"import-" + importId + "-errors.csv\"")
                .build();
    }

    /** What {@link Imports} writes of one job onto the response body. */
    private interface JobWriter {
        void write(UUID importId, OutputStream out) throws IOException;
    }

    /** 200 with the job's rows streamed as {@code type}; 404 (before any byte) for no such job. */
    private Response.ResponseBuilder streamed(UUID importId, JobWriter writer, String type) {
        imports.requireExists(importId);
        StreamingOutput body = out -> writer.write(importId, out);
        return Response.ok(body, type);
    }
}
