package io.custodian.asset.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.asset.compliance.ControlSearch.Counts;
import io.custodian.asset.compliance.ControlSearch.Evidence;
import io.custodian.asset.compliance.ControlSearch.Row;
import io.custodian.asset.compliance.ControlSearch.Scope;
import io.custodian.asset.compliance.ControlSearch.Selection;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The compliance controls, computed live from the register: each control's population, counts,
 * failing and excepted items, for a period and a group, with a reproducible sample; and the
 * non-compliant devices report, which is the A.8.1 rule as a list.
 */
@ApplicationScoped
public class Controls {

    static final int MAX_SAMPLE = 1000;

    private static final Set<String> CONTROL_PARAMETERS =
            Set.of("from", "to", "group", "limit", "sample", "seed");
    private static final Set<String> REPORT_PARAMETERS =
            Set.of("control", "group", "holder", "limit", "offset");

    private final ControlSearch search;
    private final ComplianceConfig config;
    private final Clock clock;

    Controls(ControlSearch search, ComplianceConfig config, Clock clock) {
        this.search = search;
        this.config = config;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(LocalDate from, LocalDate to) {}

    public record ExceptionRef(UUID id, LocalDate validUntil, String link) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String id,
            String type,
            String label,
            String link,
            String status,
            List<String> reasons,
            ExceptionRef exception,
            List<Evidence> evidence) {}

    public record Sample(int size, String seed, List<Item> items) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(
            String id,
            String title,
            String rule,
            String status,
            Instant asOf,
            Period period,
            UUID group,
            long population,
            long passing,
            long failing,
            long excepted,
            List<Item> failingItems,
            boolean moreFailingItems,
            List<Item> exceptedItems,
            Sample sample) {}

    public record Overview(Instant asOf, List<Result> controls) {}

    /** A party of the non-compliant devices report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyRef(String type, UUID id, String name, String link) {}

    public record Device(
            UUID id,
            String assetTag,
            String link,
            PartyRef holder,
            PartyRef owner,
            List<String> reasons) {}

    public record DeviceReport(
            String control, Instant asOf, long total, List<Device> items, boolean more) {}

    /** Every control, as of now. */
    @Transactional
    public Overview all(Map<String, List<String>> params) {
        Request request = request(params, CONTROL_PARAMETERS);
        return new Overview(
                request.scope.now(),
                Arrays.stream(Control.values()).map(c -> evaluate(c, request)).toList());
    }

    /** One control, as of now; 404 for an id Custodian does not check. */
    @Transactional
    public Result one(String controlId, Map<String, List<String>> params) {
        Control control =
                Control.byId(controlId)
                        .orElseThrow(() -> ProblemException.notFound("control", controlId));
        return evaluate(control, request(params, CONTROL_PARAMETERS));
    }

    /**
     * The devices the A.8.1 rule finds non-compliant (excepted ones are not listed), by asset tag,
     * with their holder and owner to chase.
     */
    @Transactional
    public DeviceReport nonCompliantDevices(Map<String, List<String>> params) {
        Request request = request(params, REPORT_PARAMETERS);
        String controlId = QueryParameters.once(params, "control");
        if (controlId != null && !controlId.equals(Control.A_8_1.id)) {
            throw QueryParameters.invalid(
                    "control", "must be A.8.1, the control of endpoint devices");
        }
        int offset = integer(params, "offset", 0, 0, Integer.MAX_VALUE);
        Counts counts = search.counts(Control.A_8_1, request.scope);
        List<Row> rows =
                counts.failing() == 0
                        ? List.<Row>of()
                        : search.rows(
                                Control.A_8_1,
                                request.scope,
                                Selection.FAILING,
                                offset,
                                request.limit);
        return new DeviceReport(
                Control.A_8_1.id,
                request.scope.now(),
                counts.failing(),
                rows.stream().map(Controls::device).toList(),
                offset + rows.size() < counts.failing());
    }

    private Result evaluate(Control control, Request request) {
        Scope scope = request.scope;
        Counts counts = search.counts(control, scope);
        List<Item> failing =
                items(control, scope, Selection.FAILING, counts.failing(), request.limit);
        List<Item> excepted =
                control.exceptionClause == null
                        ? null
                        : items(
                                control,
                                scope,
                                Selection.EXCEPTED,
                                counts.excepted(),
                                request.limit);
        Sample sample = null;
        if (request.sample > 0) {
            sample =
                    new Sample(
                            request.sample,
                            request.seed,
                            search.sample(control, scope, request.sample, request.seed).stream()
                                    .map(r -> item(r, search.evidence(r)))
                                    .toList());
        }
        return new Result(
                control.id,
                control.title,
                rule(control),
                counts.failing() == 0 ? "passing" : "failing",
                scope.now(),
                scope.from() == null && scope.to() == null
                        ? null
                        : new Period(scope.from(), scope.to()),
                scope.group(),
                counts.population(),
                counts.population() - counts.failing() - counts.excepted(),
                counts.failing(),
                counts.excepted(),
                failing,
                counts.failing() > failing.size(),
                excepted,
                sample);
    }

    /**
     * The selected items, read only when the count says there are any: a passing control costs one
     * pass over its population.
     */
    private List<Item> items(
            Control control, Scope scope, Selection selection, long count, int limit) {
        return count == 0
                ? List.of()
                : search.rows(control, scope, selection, 0, limit).stream()
                        .map(r -> item(r, null))
                        .toList();
    }

    private String rule(Control control) {
        return switch (control) {
            case A_5_10 -> control.rule.formatted(days(config.acknowledgementWithin().toDays()));
            case A_5_11, A_6_5 -> control.rule.formatted(days(config.returnGrace().toDays()));
            case A_8_1 -> control.rule.formatted(days(config.postureWithin().toDays()));
            case A_6_8 ->
                    control.rule.formatted(
                            String.join(" and ", config.notified()),
                            minutes(config.notificationWithin().toMinutes()));
            case A_5_9 -> control.rule;
        };
    }

    private static String minutes(long minutes) {
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static Item item(Row r, List<Evidence> evidence) {
        String status = r.excepted() ? "excepted" : r.failing() ? "failing" : "passing";
        ExceptionRef exception =
                r.excepted()
                        ? new ExceptionRef(
                                r.exceptionId(),
                                r.exceptionUntil(),
                                "/api/v1/exceptions/" + r.exceptionId())
                        : null;
        return new Item(
                r.id(), r.type(), r.label(), link(r), status, r.reasons(), exception, evidence);
    }

    private static Device device(Row r) {
        PartyRef holder =
                r.holderId() == null
                        ? null
                        : new PartyRef(
                                "person",
                                r.holderId(),
                                r.holderEmail(),
                                "/api/v1/people/" + r.holderId());
        PartyRef owner =
                new PartyRef(
                        r.ownerType(),
                        r.ownerId(),
                        r.ownerName(),
                        ("person".equals(r.ownerType()) ? "/api/v1/people/" : "/api/v1/groups/")
                                + r.ownerId());
        return new Device(UUID.fromString(r.id()), r.label(), link(r), holder, owner, r.reasons());
    }

    /** Where the object an item is about is read. */
    private static String link(Row r) {
        return switch (r.type()) {
            case "asset" -> "/api/v1/assets/" + r.id();
            case "person" -> "/api/v1/people/" + r.id();
            case "offboarding" -> "/api/v1/offboardings/" + r.id();
            case "incident" -> "/api/v1/incidents/" + r.id();
            default ->
                    "/api/v1/reports/unregistered-devices?serialNumber="
                            + java.net.URLEncoder.encode(
                                    r.id(), java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    // --- parameters ---------------------------------------------------------------------------

    private record Request(Scope scope, int limit, int sample, String seed) {}

    private Request request(Map<String, List<String>> params, Set<String> known) {
        Keyset.onlyKnown(params, known);
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw QueryParameters.invalid("to", "must not be before from");
        }
        UUID group = Keyset.uuid(params, "group");
        UUID holder = Keyset.uuid(params, "holder");
        int limit = Keyset.limit(params);
        int sample = integer(params, "sample", 0, 1, MAX_SAMPLE);
        String seed = QueryParameters.once(params, "seed");
        if (seed != null && (seed.isBlank() || seed.length() > 100)) {
            throw QueryParameters.invalid("seed", "must be 1 to 100 characters");
        }
        if (seed != null && sample == 0) {
            throw QueryParameters.invalid("seed", "draws a sample: give sample too");
        }
        Instant now = Instant.now(clock);
        if (sample > 0 && seed == null) {
            // a sample is reproducible only with its seed: draw one and say which
            seed = Long.toString(now.toEpochMilli());
        }
        Scope scope =
                new Scope(
                        now,
                        clock.getZone(),
                        from,
                        to,
                        group,
                        holder,
                        config.acknowledgementWithin().toSeconds(),
                        config.postureWithin().toSeconds(),
                        (int) config.returnGrace().toDays(),
                        config.notificationWithin().toSeconds(),
                        config.notified());
        return new Request(scope, limit, sample, seed);
    }

    /** An ISO date parameter, once, between 1900 and 9999; null when absent. */
    static LocalDate date(Map<String, List<String>> params, String name) {
        String value = QueryParameters.once(params, name);
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1900 || day.getYear() > 9999) {
                throw QueryParameters.invalid(name, "must be between 1900 and 9999");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw QueryParameters.invalid(name, "expected an ISO-8601 date (2026-01-31)");
        }
    }

    private static int integer(
            Map<String, List<String>> params, String name, int absent, int min, int max) {
        String value = QueryParameters.once(params, name);
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw QueryParameters.invalid(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw QueryParameters.invalid(name, "expected a whole number");
        }
    }
}
