package io.custodian.asset.policy;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.incident.ReportedIncidents;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Listing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * "My reports and requests" ({@code /console/my-reports}): what the signed-in person sent and where
 * it stands — their loss and theft reports, their exception requests ({@code GET
 * /api/v1/exceptions?requester=me}) and their violation reports ({@code GET
 * /api/v1/violations?reporter=me}), the newest {@value #SHOWN} of each, every one linking to its
 * page. The roles of those lists.
 */
@Path("/console/my-reports")
@Produces(MediaType.TEXT_HTML)
class ConsoleMyReportsResource {

    /** How many of each kind the page shows, newest first. */
    static final int SHOWN = 20;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance myReports(
                String sent,
                List<ReportedIncidents.Line> incidents,
                List<ExceptionView> exceptions,
                List<ViolationView> violations);
    }

    private final ReportedIncidents incidents;
    private final ExceptionRequests exceptions;
    private final Violations violations;
    private final Caller caller;

    ConsoleMyReportsResource(
            ReportedIncidents incidents,
            ExceptionRequests exceptions,
            Violations violations,
            Caller caller) {
        this.incidents = incidents;
        this.exceptions = exceptions;
        this.violations = violations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public TemplateInstance mine(@RestQuery String sent) {
        ExceptionView.Page requested =
                (ExceptionView.Page) exceptions.list(mineBy("requester"), caller).body();
        ViolationView.Page reported =
                (ViolationView.Page) violations.list(mineBy("reporter"), caller).body();
        return Templates.myReports(
                "exception".equals(sent) || "violation".equals(sent) ? sent : null,
                incidents.newestOf(caller, SHOWN),
                requested.items(),
                reported.items());
    }

    /** The API's list of what the caller sent, by its filter {@code who} (requester, reporter). */
    private Listing mineBy(String who) {
        return new Listing(
                URI.create("/console/my-reports"),
                Map.of(who, List.of(caller.email()), "limit", List.of(Integer.toString(SHOWN))));
    }
}
