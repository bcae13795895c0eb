package io.custodian.asset.inventory;

import io.custodian.asset.inventory.PostureReports.Report;
import io.custodian.asset.inventory.PostureReports.Rows;
import io.custodian.asset.web.Problem.FieldError;
import io.custodian.asset.web.ProblemException;
import io.custodian.asset.web.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks of a posture batch's reports: every offending row and field named in one 422. */
final class PostureValidation {

    /** How far ahead of our clock a device's check-in may be (the MDM's clock may run ahead). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private PostureValidation() {}

    /** Each report checked (and trimmed); 422 naming every offending row and field. */
    static List<Report> validated(Rows rows, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        List<Report> valid = new ArrayList<>();
        Map<String, String> firstRow = new HashMap<>();
        for (int i = 0; i < rows.reports().size(); i++) {
            Report r = rows.reports().get(i);
            String row = rows.names().get(i);
            if (r == null) {
                errors.add(new FieldError(row, "must be a report"));
                continue;
            }
            String serial = text(errors, row + ".serialNumber", r.serialNumber(), 100, true);
            if (serial != null) {
                String earlier = firstRow.putIfAbsent(serial, row);
                if (earlier != null) {
                    errors.add(
                            new FieldError(
                                    row + ".serialNumber",
                                    "is reported twice in this batch (also " + earlier + ")"));
                }
            }
            required(errors, row + ".diskEncrypted", r.diskEncrypted());
            required(errors, row + ".mdmEnrolled", r.mdmEnrolled());
            required(errors, row + ".screenLock", r.screenLock());
            String os = text(errors, row + ".osVersion", r.osVersion(), 100, false);
            if (required(errors, row + ".lastCheckIn", r.lastCheckIn())) {
                if (r.lastCheckIn().isAfter(now.plus(CLOCK_SKEW))) {
                    errors.add(new FieldError(row + ".lastCheckIn", "must not be in the future"));
                } else if (r.lastCheckIn().isBefore(EARLIEST)) {
                    errors.add(new FieldError(row + ".lastCheckIn", "must be after 1900"));
                }
            }
            String source = text(errors, row + ".source", r.source(), 32, true);
            if (source != null && !SOURCE.matcher(source).matches()) {
                errors.add(
                        new FieldError(
                                row + ".source",
                                "must be letters, digits and . _ - (the MDM's name: fleet, jamf)"));
            }
            valid.add(
                    new Report(
                            serial,
                            r.diskEncrypted(),
                            r.mdmEnrolled(),
                            r.screenLock(),
                            os,
                            r.lastCheckIn(),
                            source == null ? null : source.toLowerCase(Locale.ROOT)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return valid;
    }

    static boolean required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "must not be null"));
            return false;
        }
        return true;
    }

    /** The value trimmed (null when blank and optional); an error when it can't be taken. */
    static String text(
            List<FieldError> errors, String field, String value, int max, boolean required) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return null;
        }
        String problem = Text.notSingleLine(trimmed);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return null;
        }
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return trimmed;
    }
}
