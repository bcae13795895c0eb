package io.custodian.asset.inventory;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.Choice;
import io.custodian.asset.web.FormErrors;
import io.custodian.asset.web.FormValues;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.Versions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Editing an asset in the console ({@code /console/asset-edit?id=…}, admins only, as {@code PATCH
 * /api/v1/assets/{id}}): the descriptive fields, sent as a JSON merge patch with the version the
 * form was read at as {@code If-Match}, through the same {@link Inventory#patch}. When someone
 * changed the asset meanwhile nothing is written: the page comes back with the current values, what
 * the admin had typed beside them, and a link to the history that says who changed what.
 */
@Path("/console/asset-edit")
@Produces(MediaType.TEXT_HTML)
class ConsoleAssetEditResource {

    /** The form's fields, as typed (text) and as the API names them. */
    static final class Fields {
        @RestForm String name;
        @RestForm String category;
        @RestForm String classification;
        @RestForm String serialNumber;
        @RestForm String manufacturer;
        @RestForm String model;
        @RestForm String location;
        @RestForm String purchaseDate;
        @RestForm String warrantyUntil;
        @RestForm String notes;
        @RestForm String version;

        Map<String, String> values() {
            return FormValues.of(
                    "name", name,
                    "category", category,
                    "classification", classification,
                    "serialNumber", serialNumber,
                    "manufacturer", manufacturer,
                    "model", model,
                    "location", location,
                    "purchaseDate", purchaseDate,
                    "warrantyUntil", warrantyUntil,
                    "notes", notes);
        }
    }

    /** A field the admin typed differently from what is stored now. */
    record Typed(String field, String yours, String current) {}

    /** One input of the form: its name (the API's field), label, and HTML input type. */
    record Input(String name, String label, String type) {}

    private static final List<Input> INPUTS =
            List.of(
                    new Input("name", "Name", "text"),
                    new Input("serialNumber", "Serial number", "text"),
                    new Input("manufacturer", "Manufacturer", "text"),
                    new Input("model", "Model", "text"),
                    new Input("location", "Location", "text"),
                    new Input("purchaseDate", "Purchased on", "date"),
                    new Input("warrantyUntil", "Warranty until", "date"));

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance assetEdit(
                AssetView asset,
                Map<String, String> form,
                List<Input> inputs,
                List<Choice> categories,
                List<Choice> classifications,
                Map<String, String> errors,
                List<Typed> stale);
    }

    private final Inventory inventory;
    private final ObjectMapper json;
    private final Caller caller;

    ConsoleAssetEditResource(Inventory inventory, ObjectMapper json, Caller caller) {
        this.inventory = inventory;
        this.json = json;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(ASSET_ADMIN)
    public TemplateInstance form(@RestQuery("id") UUID assetId) {
        AssetView asset = AssetView.of(inventory.read(assetId, caller));
        return page(asset, stored(asset), Map.of(), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ASSET_ADMIN)
    public Response save(@RestQuery("id") UUID assetId, @BeanParam Fields fields)
            throws JsonProcessingException {
        Map<String, String> typed = fields.values();
        try {
            inventory.patch(assetId, Versions.ifMatch(fields.version), patch(typed));
            return Response.seeOther(URI.create("/console/assets/" + assetId + "?saved=true"))
                    .build();
        } catch (ProblemException e) {
            if (e.kind() != ProblemException.Kind.PRECONDITION_FAILED) {
                return refused(assetId, fields, FormErrors.of(e));
            }
            AssetView current = AssetView.of(inventory.read(assetId, caller));
            Map<String, String> now = stored(current);
            List<Typed> differences =
                    typed.entrySet().stream()
                            .filter(f -> !blank(f.getValue()).equals(blank(now.get(f.getKey()))))
                            .map(f -> new Typed(f.getKey(), f.getValue(), now.get(f.getKey())))
                            .toList();
            return Response.status(412).entity(page(current, now, Map.of(), differences)).build();
        } catch (ConstraintViolationException e) {
            return refused(assetId, fields, FormErrors.of(e));
        }
    }

    /** The form again with its errors, and the version it was read at (never the newest). */
    private Response refused(UUID assetId, Fields fields, Map<String, String> errors) {
        AssetView asset = AssetView.of(inventory.read(assetId, caller));
        Map<String, String> form = fields.values();
        form.put("version", fields.version);
        return Response.status(422).entity(page(asset, form, errors, List.of())).build();
    }

    /** The merge patch of the form: every field it shows, a blank one removed (null). */
    private ObjectNode patch(Map<String, String> typed) {
        ObjectNode patch = json.createObjectNode();
        typed.forEach(
                (field, value) -> {
                    String v =
                            value == null || value.isBlank()
                                    ? null
                                    : field.equals("notes") ? value : value.strip();
                    if (v != null
                            && (field.equals("purchaseDate") || field.equals("warrantyUntil"))) {
                        FormValues.date(v, field);
                    }
                    patch.put(field, v);
                });
        return patch;
    }

    private TemplateInstance page(
            AssetView asset,
            Map<String, String> form,
            Map<String, String> errors,
            List<Typed> stale) {
        return Templates.assetEdit(
                asset,
                form,
                INPUTS,
                Choice.of(Category.values()),
                Choice.of(Classification.values()),
                errors,
                stale);
    }

    private static Map<String, String> stored(AssetView a) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", a.name());
        values.put("category", LowerCaseEnums.of(a.category()));
        values.put("classification", LowerCaseEnums.of(a.classification()));
        values.put("serialNumber", a.serialNumber());
        values.put("manufacturer", a.manufacturer());
        values.put("model", a.model());
        values.put("location", a.location());
        values.put("purchaseDate", a.purchaseDate() == null ? null : a.purchaseDate().toString());
        values.put(
                "warrantyUntil", a.warrantyUntil() == null ? null : a.warrantyUntil().toString());
        values.put("notes", a.notes());
        values.put("version", Long.toString(a.version()));
        return values;
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
