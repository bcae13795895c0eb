package io.custodian.asset.imports;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.imports.ImportJob.Mode;
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
        Imports.Options options =
                new Imports.Options(
                        dialect == null ? null : parse("dialect", dialect, Dialect::parse),
                        mode == null ? Mode.ALL_OR_NOTHING : parse("mode", mode, Mode::parse),
                        dryRun != null && parse("dryRun", dryRun, ImportResource::bool),
                        defaultOwnerGroup == null
                                ? null
                                : parse("defaultOwnerGroup", defaultOwnerGroup, UUID::fromString));
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

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> T parse(String parameter, String value, Parser<T> parser) {
        try {
            return parser.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid(
                    parameter,
                    switch (parameter) {
                        case "dialect" -> "must be custodian or snipeit";
                        case "mode" -> "must be all-or-nothing or skip-invalid";
                        case "dryRun" -> "must be true or false";
                        default -> "must be a group id (uuid)";
                    });
        }
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }
}
