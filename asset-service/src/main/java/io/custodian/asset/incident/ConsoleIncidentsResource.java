package io.custodian.asset.incident;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Listing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident queue in the console: {@code GET /api/v1/incidents} with its filters and cursor
 * pages, as cards linking to each incident's page. Without a {@code status} it shows what still
 * waits (open and contained); employees see the incidents they reported, as on the API.
 */
@Path("/console/incidents")
@Produces(MediaType.TEXT_HTML)
class ConsoleIncidentsResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance incidents(
                String filter, List<IncidentView> incidents, String next);
    }

    private final IncidentSearch search;
    private final Caller caller;

    ConsoleIncidentsResource(IncidentSearch search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public TemplateInstance list(UriInfo uri) {
        Listing listing = Listing.of(uri);
        Map<String, List<String>> params = new LinkedHashMap<>(listing.params());
        String filter = params.containsKey("status") ? "chosen" : "waiting";
        if ("waiting".equals(filter)) {
            params.put("status", List.of("open", "contained"));
        }
        IncidentPage page =
                (IncidentPage) search.list(new Listing(listing.uri(), params), caller).body();
        return Templates.incidents(
                filter, page.items(), Listing.onPage(page.next(), "/console/incidents"));
    }
}
