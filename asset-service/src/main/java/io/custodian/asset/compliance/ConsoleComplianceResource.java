package io.custodian.asset.compliance;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The compliance pages of the console, for auditors, leadership and admins (the roles of {@code GET
 * /api/v1/compliance/controls}): every control's status and counts with its last 30 daily
 * snapshots, and one control's failing and excepted items (narrowed to a group with {@code group=},
 * as on the API), each linking to its object. The alert of a control that turns failing links to
 * the control's page.
 */
@Path("/console/compliance")
@Produces(MediaType.TEXT_HTML)
class ConsoleComplianceResource {

    /** How many items a control's page lists (the API and the evidence pack have them all). */
    static final int LISTED = 200;

    private static final int TREND_DAYS = 30;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance compliance(
                Controls.Overview overview, Map<String, List<ControlSnapshots.Snapshot>> trends);

        static native TemplateInstance complianceControl(
                Controls.Result control, List<ControlSnapshots.Snapshot> trend);
    }

    private final Controls controls;
    private final ControlSnapshots snapshots;

    ConsoleComplianceResource(Controls controls, ControlSnapshots snapshots) {
        this.controls = controls;
        this.snapshots = snapshots;
    }

    @GET
    @RolesAllowed({AUDITOR, LEADERSHIP, ASSET_ADMIN})
    public TemplateInstance overview() {
        return Templates.compliance(
                controls.all(Map.of("limit", List.of("1"))), snapshots.recent(null, TREND_DAYS));
    }

    @GET
    @Path("/control")
    @RolesAllowed({AUDITOR, LEADERSHIP, ASSET_ADMIN})
    public TemplateInstance control(@RestQuery("id") String controlId, @RestQuery String group) {
        Map<String, List<String>> params = new HashMap<>();
        params.put("limit", List.of(String.valueOf(LISTED)));
        if (group != null && !group.isBlank()) {
            params.put("group", List.of(group));
        }
        Controls.Result control = controls.one(controlId == null ? "" : controlId, params);
        return Templates.complianceControl(
                control,
                snapshots.recent(control.id(), TREND_DAYS).getOrDefault(control.id(), List.of()));
    }
}
