package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Choice;
import io.custodian.asset.web.FormErrors;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Listing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The register's search in the console ({@code /console/register}): every filter of {@code GET
 * /api/v1/assets} as a field of a GET form, its results as cards linking to each asset's page, and
 * the API's own cursor pages both ways (its {@code next} and {@code prev}, as this page's
 * addresses). The same {@link AssetSearch#list} with the same roles: an employee finds only what
 * they hold or own, as on the API; a refused filter is shown next to its field.
 */
@Path("/console/register")
@Produces(MediaType.TEXT_HTML)
class ConsoleRegisterResource {

    private static final String PATH = "/console/register";

    /**
     * One filter of the form: its query parameter, label, and how it is chosen ({@code text}, a
     * {@code select} of {@code options} (with "any" first when {@code any}), or {@code checks}).
     */
    record Filter(String name, String label, String kind, List<Choice> options, boolean any) {

        static Filter text(String name, String label) {
            return new Filter(name, label, "text", List.of(), false);
        }

        static Filter select(String name, String label, List<Choice> options) {
            return new Filter(name, label, "select", options, true);
        }

        static Filter yesOrNo(String name, String label) {
            return select(
                    name, label, List.of(new Choice("true", "Yes"), new Choice("false", "No")));
        }
    }

    /** The form's filters: those on its first screen, and those under "More filters". */
    record Filters(List<Filter> first, List<Filter> more) {}

    /** Every filter of GET /api/v1/assets ({@link AssetFilter#PARAMETERS}), and the page size. */
    private static final Filters FILTERS =
            new Filters(
                    List.of(
                            Filter.text("q", "Name contains"),
                            Filter.text("assetTag", "Asset tag"),
                            Filter.select("category", "Category", Choice.of(Category.values())),
                            new Filter(
                                    "status",
                                    "Status",
                                    "checks",
                                    Choice.of(AssetStatus.values()),
                                    false)),
                    List.of(
                            Filter.select(
                                    "classification",
                                    "Classification",
                                    Choice.of(Classification.values())),
                            Filter.text("serialNumber", "Serial number"),
                            Filter.text("originalCategory", "Category in the imported file"),
                            Filter.select(
                                    "ownerType",
                                    "Owner type",
                                    List.of(
                                            new Choice("person", "A person"),
                                            new Choice("group", "A group"))),
                            Filter.text("ownerId", "Owner's id (a person's or a group's)"),
                            Filter.text("holderId", "Held by (a person's id)"),
                            Filter.yesOrNo("verificationOverdue", "Confirmation overdue"),
                            Filter.yesOrNo("diskEncrypted", "Disk encrypted"),
                            Filter.yesOrNo("mdmEnrolled", "Enrolled in MDM"),
                            Filter.yesOrNo("screenLock", "Screen lock on"),
                            new Filter(
                                    "limit",
                                    "Per page",
                                    "select",
                                    Stream.of("20", "50", "100", "500", "1000")
                                            .map(n -> new Choice(n, n))
                                            .toList(),
                                    false)));

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance register(
                Map<String, String> form,
                Set<String> statuses,
                boolean more,
                Filters filters,
                List<AssetView> assets,
                String next,
                String prev,
                Map<String, String> errors);
    }

    private final AssetSearch search;
    private final Caller caller;

    ConsoleRegisterResource(AssetSearch search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR, EMPLOYEE})
    public Response search(UriInfo uri) {
        // the form sends every field; a blank one is a filter not given
        Map<String, List<String>> given = new LinkedHashMap<>();
        UriBuilder self = UriBuilder.fromPath(PATH);
        uri.getQueryParameters()
                .forEach(
                        (name, values) -> {
                            List<String> filled =
                                    values.stream().filter(v -> !v.isBlank()).toList();
                            if (!filled.isEmpty()) {
                                given.put(name, filled);
                                self.queryParam(name, filled.toArray());
                            }
                        });
        Map<String, String> form = new LinkedHashMap<>();
        given.forEach((name, values) -> form.put(name, values.get(0)));
        Set<String> statuses = new LinkedHashSet<>();
        given.getOrDefault("status", List.of())
                .forEach(v -> statuses.addAll(List.of(v.split(","))));
        boolean more =
                given.keySet().stream()
                        .anyMatch(
                                name ->
                                        FILTERS.first().stream()
                                                .noneMatch(f -> f.name().equals(name)));
        form.putIfAbsent("limit", Integer.toString(Keyset.DEFAULT_LIMIT));
        return FormErrors.searched(
                () -> {
                    AssetPage page =
                            (AssetPage)
                                    search.list(new Listing(self.build(), given), caller).body();
                    return Templates.register(
                            form,
                            statuses,
                            more,
                            FILTERS,
                            page.items(),
                            page.next(),
                            page.prev(),
                            Map.of());
                },
                errors ->
                        Templates.register(
                                form, statuses, true, FILTERS, List.of(), null, null, errors));
    }
}
