package io.custodian.asset.incident;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FormErrors;
import io.custodian.asset.web.ProblemException;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * An incident in the console ({@code /console/incident?id=…}, a fixed path so that the CSRF
 * filter's {@code create-token-path} can name it), where the link of every incident alert leads:
 * its facts and timeline for whoever may read it through {@code GET /api/v1/incidents/{id}} (the
 * reporter, admins, leadership, auditors; anyone else a 404 page), and for leadership and admins
 * the two steps of {@code POST …/actions} and {@code POST …/closure}, through the same {@link
 * Incidents} calls. The closure form carries the version the page showed, so a closure over someone
 * else's change is the conflict page and changes nothing.
 */
@Path("/console/incident")
@Produces(MediaType.TEXT_HTML)
class ConsoleIncidentResource {

    /** A choice of a select, as the form lists it. */
    record Option(String value, String label) {}

    /** One line of the timeline. */
    record Line(String what, Instant at, String by, String note) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance incident(
                IncidentView incident,
                String delay,
                List<Line> timeline,
                boolean mayAct,
                List<Option> actions,
                List<Option> outcomes,
                Map<String, String> errors,
                String done);
    }

    private final Incidents incidents;
    private final Caller caller;

    ConsoleIncidentResource(Incidents incidents, Caller caller) {
        this.incidents = incidents;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public TemplateInstance show(@RestQuery("id") UUID incidentId, @RestQuery String done) {
        String shownDone = "action".equals(done) || "closure".equals(done) ? done : null;
        return page(incidents.read(incidentId, caller), Map.of(), shownDone);
    }

    @POST
    @Path("/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP})
    public Response act(
            @RestQuery("id") UUID incidentId, @RestForm String action, @RestForm String note) {
        return submitted(
                incidentId,
                "action",
                () -> incidents.act(incidentId, new Incidents.NewAction(action, note), caller));
    }

    @POST
    @Path("/closure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP})
    public Response close(
            @RestQuery("id") UUID incidentId,
            @RestForm String outcome,
            @RestForm String note,
            @RestForm String version) {
        return submitted(
                incidentId,
                "closure",
                () ->
                        incidents.close(
                                incidentId,
                                version == null || version.isBlank()
                                        ? null
                                        : "\"" + version.strip() + "\"",
                                new Incidents.Closure(outcome(outcome), note),
                                caller));
    }

    /** After a step: back to the page, or its field errors next to the fields. */
    private Response submitted(UUID id, String step, Runnable command) {
        return FormErrors.submitted(
                command,
                URI.create("/console/incident?id=" + id + "&done=" + step),
                errors -> page(incidents.read(id, caller), errors, null));
    }

    private static Incidents.Outcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Incidents.Outcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("outcome", "choose closed or recovered");
        }
    }

    private TemplateInstance page(IncidentView incident, Map<String, String> errors, String done) {
        boolean mayAct =
                (caller.hasRole(ASSET_ADMIN) || caller.hasRole(LEADERSHIP))
                        && !incident.status().isFinal();
        List<Option> actions =
                Arrays.stream(IncidentAction.Type.values())
                        .map(t -> new Option(t.spelled(), label(t.spelled())))
                        .toList();
        List<Option> outcomes =
                incident.asset() == null
                        ? List.of(new Option("closed", "Closed"))
                        : List.of(
                                new Option("closed", "Closed (not recovered)"),
                                new Option("recovered", "Recovered: back in stock"));
        List<Line> timeline =
                incident.timeline().stream()
                        .map(e -> new Line(what(e), e.at(), e.by(), e.note()))
                        .toList();
        return Templates.incident(
                incident,
                delay(incident.reportingDelaySeconds()),
                timeline,
                mayAct,
                actions,
                outcomes,
                errors,
                done);
    }

    private static String what(IncidentView.Entry entry) {
        return switch (entry.type()) {
            case "action" -> label(entry.action());
            case "reported" -> "Reported";
            case "contained" -> "Contained";
            case "closed" -> "Closed";
            case "recovered" -> "Recovered";
            default -> label(entry.type());
        };
    }

    /** {@code remote-lock-requested} → {@code Remote lock requested}. */
    private static String label(String spelled) {
        String words = spelled.replace('-', ' ');
        return words.isEmpty()
                ? words
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String delay(long seconds) {
        if (seconds < 3600) {
            return Math.max(0, seconds / 60) + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        return seconds / 86_400 + " days";
    }
}
