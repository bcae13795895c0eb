package io.custodian.asset.incident;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.EMPLOYEE;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import io.custodian.asset.inventory.Inventory;
import io.custodian.asset.security.Caller;
import io.custodian.asset.security.RateLimited;
import io.custodian.asset.web.FormErrors;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.ViewerZone;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * "Report lost or stolen" in the console: one screen, three required fields (which of my assets,
 * lost or stolen, when; or a personal device with company access, with its kind and a description),
 * handed to the same {@link Incidents#report} as {@code POST /api/v1/incidents} with the same
 * roles, so the outbox event and the alerts follow unchanged. A refused report shows the API's
 * field errors next to the fields. Times are the viewer's ({@link ViewerZone}), else the company's
 * ({@code custodian.time-zone}).
 */
@Path("/console/report-loss")
@Produces(MediaType.TEXT_HTML)
class ConsoleLossReportResource {

    /** One asset the person may report, as the form lists it. */
    record Choice(UUID id, String label, boolean selected) {}

    /** What the person typed, shown again with the errors when the report is refused. */
    record Form(
            String kind,
            String occurredAt,
            String location,
            boolean personal,
            String deviceType,
            String deviceDescription) {}

    /** The form's value for "a personal device with company access" in place of an asset. */
    static final String PERSONAL = "personal";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance reportLoss(
                List<Choice> assets, Form form, Map<String, String> errors);

        static native TemplateInstance reported(IncidentView incident);
    }

    private final Incidents incidents;
    private final Inventory inventory;
    private final Caller caller;
    private final Clock clock;
    private final ViewerZone viewer;

    ConsoleLossReportResource(
            Incidents incidents,
            Inventory inventory,
            Caller caller,
            Clock clock,
            ViewerZone viewer) {
        this.incidents = incidents;
        this.inventory = inventory;
        this.caller = caller;
        this.clock = clock;
        this.viewer = viewer;
    }

    @GET
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public TemplateInstance form(@RestQuery UUID asset) {
        String now =
                LocalDateTime.now(clock.withZone(viewer.or(clock.getZone())))
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString();
        return Templates.reportLoss(
                choices(asset), new Form(null, now, null, false, null, null), Map.of());
    }

    @POST
    @RateLimited
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({EMPLOYEE, ASSET_ADMIN, LEADERSHIP})
    public Response report(
            @RestForm String assetId,
            @RestForm String kind,
            @RestForm String occurredAt,
            @RestForm String location,
            @RestForm String deviceType,
            @RestForm String deviceDescription) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean personal = PERSONAL.equals(assetId);
        UUID asset = personal ? null : parse(assetId, errors);
        Incidents.Device device = personal ? device(deviceType, deviceDescription, errors) : null;
        Incident.Kind parsedKind = kind(kind, errors);
        Instant when = instant(occurredAt, errors);
        if (errors.isEmpty()) {
            try {
                IncidentView incident =
                        incidents.report(
                                new Incidents.Report(
                                        asset,
                                        null,
                                        device,
                                        parsedKind,
                                        when,
                                        blankToNull(location),
                                        null,
                                        null),
                                caller);
                return Response.ok(Templates.reported(incident)).build();
            } catch (ProblemException | ConstraintViolationException e) {
                // the service names a personal device's fields as the API does (device.type)
                FormErrors.of(e)
                        .forEach(
                                (field, message) ->
                                        errors.put(
                                                switch (field) {
                                                    case "type", "device.type" -> "deviceType";
                                                    case "description", "device.description" ->
                                                            "deviceDescription";
                                                    default -> field;
                                                },
                                                message));
            }
        }
        return Response.status(422)
                .entity(
                        Templates.reportLoss(
                                choices(asset),
                                new Form(
                                        kind,
                                        occurredAt,
                                        location,
                                        personal,
                                        deviceType,
                                        deviceDescription),
                                errors))
                .build();
    }

    private List<Choice> choices(UUID selected) {
        return inventory.viewsHeldOrOwnedBy(caller.email()).stream()
                .map(
                        a ->
                                new Choice(
                                        a.id(),
                                        a.assetTag() + " — " + a.name(),
                                        a.id().equals(selected)))
                .toList();
    }

    private static UUID parse(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put("assetId", "choose the asset you lost");
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.put("assetId", "choose the asset you lost");
            return null;
        }
    }

    private static Incidents.Device device(
            String type, String description, Map<String, String> errors) {
        Incident.DeviceType parsed = null;
        try {
            parsed = Incident.DeviceType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            errors.put("deviceType", "choose what kind of device it is");
        }
        if (description == null || description.isBlank()) {
            errors.put("deviceDescription", "describe the device (make, model, colour)");
        }
        return parsed == null || description == null || description.isBlank()
                ? null
                : new Incidents.Device(parsed, description.strip());
    }

    private static Incident.Kind kind(String value, Map<String, String> errors) {
        try {
            return Incident.Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            errors.put("kind", "choose lost or stolen");
            return null;
        }
    }

    private Instant instant(String value, Map<String, String> errors) {
        try {
            return LocalDateTime.parse(value.trim()).atZone(viewer.or(clock.getZone())).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            errors.put("occurredAt", "give the date and time it happened");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
