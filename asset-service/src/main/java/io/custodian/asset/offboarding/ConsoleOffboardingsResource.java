package io.custodian.asset.offboarding;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.HR_SYSTEM;
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
 * The off-boarding board ({@code /console/offboardings}): {@code GET /api/v1/offboardings} with its
 * filters as three tabs — due soon (open, not overdue; the default), overdue, done (completed) —
 * and its cursor pages, each off-boarding a card linking to its page. The API's roles: HR, IT,
 * leadership and auditors see everyone's; an employee sees their own.
 */
@Path("/console/offboardings")
@Produces(MediaType.TEXT_HTML)
class ConsoleOffboardingsResource {

    /** One card: the off-boarding and how many of its items still wait. */
    record Card(OffboardingView offboarding, long pending) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance offboardings(String tab, List<Card> cards, String next);
    }

    private final OffboardingSearch search;
    private final Caller caller;

    ConsoleOffboardingsResource(OffboardingSearch search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, HR_SYSTEM, EMPLOYEE})
    public TemplateInstance board(UriInfo uri) {
        Listing listing = Listing.of(uri);
        Map<String, List<String>> params = new LinkedHashMap<>(listing.params());
        if (!params.containsKey("status") && !params.containsKey("overdue")) {
            params.put("status", List.of("open"));
            params.put("overdue", List.of("false"));
        }
        String tab =
                List.of("completed").equals(params.get("status"))
                        ? "done"
                        : List.of("true").equals(params.get("overdue")) ? "overdue" : "due";
        OffboardingPage page =
                (OffboardingPage) search.list(new Listing(listing.uri(), params), caller).body();
        return Templates.offboardings(
                tab,
                page.items().stream().map(o -> new Card(o, pending(o))).toList(),
                Listing.onPage(page.next(), "/console/offboardings"));
    }

    private static long pending(OffboardingView o) {
        return o.items().stream().filter(i -> i.status() == OffboardingItem.Status.PENDING).count();
    }
}
