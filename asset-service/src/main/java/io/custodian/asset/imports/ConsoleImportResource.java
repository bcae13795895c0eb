package io.custodian.asset.imports;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FormErrors;
import io.custodian.asset.web.FormValues;
import io.custodian.asset.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The CSV import in the console, for admins ({@code POST /api/v1/imports}): a form uploads the file
 * with the API's options (dialect, mode, dry run, default owner group) to the same {@link
 * Imports#submit}, then the job's page ({@code GET /api/v1/imports/{id}}, admins, leadership and
 * auditors) shows its progress bar, kept live by {@code console-static/live.js} polling the page's
 * fragment, and when it ends its counts, the rejected rows by row and column, and a dry run's
 * preview of each change.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
class ConsoleImportResource {

    /** How many row errors and changes the page lists; the CSV download has them all. */
    static final int LISTED = 200;

    /** The upload form's fields, as the API's query parameters name them. */
    static final class Upload {
        @RestForm FileUpload file;
        @RestForm String dialect;
        @RestForm String mode;
        @RestForm String dryRun;
        @RestForm String defaultOwnerGroup;

        Map<String, String> values() {
            return FormValues.of(
                    "dialect", dialect,
                    "mode", mode,
                    "dryRun", dryRun,
                    "defaultOwnerGroup", defaultOwnerGroup);
        }
    }

    /** What a finished job's page lists: its first errors and, for a dry run, its first changes. */
    record Outcome(List<RowError> errors, List<Imports.Change> changes) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance importForm(
                Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance importJob(ImportJob job, Outcome outcome, int listed);

        static native TemplateInstance importJob$progress(
                ImportJob job, Outcome outcome, int listed);
    }

    private final Imports imports;
    private final Caller caller;

    ConsoleImportResource(Imports imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @GET
    @Path("/import")
    @RolesAllowed(ASSET_ADMIN)
    public TemplateInstance form() {
        return Templates.importForm(Map.of("mode", "all-or-nothing", "dryRun", "true"), Map.of());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(ASSET_ADMIN)
    public Response submit(@BeanParam Upload upload) {
        return FormErrors.submitted(
                () -> {
                    if (upload.file == null
                            || upload.file.fileName() == null
                            || upload.file.fileName().isBlank()) {
                        throw ProblemException.invalid("file", "choose a CSV file");
                    }
                    ImportOptions options =
                            ImportOptions.of(
                                    given(upload.dialect),
                                    given(upload.mode),
                                    given(upload.dryRun),
                                    given(upload.defaultOwnerGroup),
                                    ProblemException::invalid);
                    try {
                        ImportJob job =
                                imports.submit(
                                        Files.newInputStream(upload.file.uploadedFile()),
                                        options,
                                        caller.email());
                        return URI.create("/console/import-job?id=" + job.id());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                errors -> Templates.importForm(upload.values(), errors));
    }

    @GET
    @Path("/import-job")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public TemplateInstance job(@RestQuery("id") UUID importId) throws IOException {
        ImportJob job = imports.read(importId);
        return Templates.importJob(job, outcome(job), LISTED);
    }

    /** The part of the job's page that changes while it runs, fetched again by the page. */
    @GET
    @Path("/import-job/progress")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public TemplateInstance progress(@RestQuery("id") UUID importId) throws IOException {
        ImportJob job = imports.read(importId);
        return Templates.importJob$progress(job, outcome(job), LISTED);
    }

    /** Every rejected row (row, column, reason), as {@code GET /api/v1/imports/{id}/errors}. */
    @GET
    @Path("/import-job/errors")
    @Produces(ImportResource.CSV)
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public Response errors(@RestQuery("id") UUID importId) {
        imports.requireExists(importId);
        StreamingOutput body = out -> imports.writeErrorsAsCsv(importId, out);
        return Response.ok(body, ImportResource.CSV + "; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"import-" + importId + "-errors.csv\"")
                .build();
    }

    private Outcome outcome(ImportJob job) throws IOException {
        if (!job.state().finished()) {
            return Outcome.NONE;
        }
        return new Outcome(
                imports.firstErrors(job.id(), LISTED),
                job.dryRun() ? imports.firstChanges(job.id(), LISTED) : List.of());
    }

    /** A form field left blank is an option not given. */
    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
