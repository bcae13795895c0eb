package io.custodian.asset.inventory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.custodian.asset.inventory.PostureReports.Report;
import io.custodian.asset.inventory.PostureReports.Rows;
import io.custodian.asset.web.Problem.FieldError;
import io.custodian.asset.web.ProblemException;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A posture batch as CSV with a header line: {@code serialNumber, diskEncrypted, mdmEnrolled,
 * screenLock, osVersion, lastCheckIn, source} in any order ({@code osVersion} may be left out).
 * Rows are named by their line in the file ({@code rows[3]} is the third line, the header the
 * first), so a problem points at the line a person opens the file at.
 */
final class PostureCsv {

    static final List<String> COLUMNS =
            List.of(
                    "serialNumber",
                    "diskEncrypted",
                    "mdmEnrolled",
                    "screenLock",
                    "osVersion",
                    "lastCheckIn",
                    "source");

    private static final Set<String> OPTIONAL = Set.of("osVersion");
    private static final Set<String> TRUE = Set.of("true", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "0");
    private static final CsvMapper CSV = mapper();

    private PostureCsv() {}

    private static CsvMapper mapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        return mapper;
    }

    /** The rows of the file; 422 naming each row and column that can't be read. */
    static Rows read(Reader body) {
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> it =
                CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(body)) {
            while (it.hasNext()) {
                lines.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(
                    "body", "is not CSV from line " + (lines.size() + 1) + " on");
        }
        if (lines.isEmpty()) {
            throw ProblemException.invalid("body", "must start with a header line");
        }
        Map<String, Integer> at = header(lines.get(0));
        List<FieldError> errors = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String row = "rows[" + (i + 1) + "]";
            String[] cells = lines.get(i);
            if (cells.length != lines.get(0).length) {
                errors.add(
                        new FieldError(
                                row,
                                "has "
                                        + cells.length
                                        + " cells, the header "
                                        + lines.get(0).length));
                continue;
            }
            Cells c = new Cells(cells, at, row, errors);
            reports.add(
                    new Report(
                            c.text("serialNumber"),
                            c.bool("diskEncrypted"),
                            c.bool("mdmEnrolled"),
                            c.bool("screenLock"),
                            c.text("osVersion"),
                            c.instant("lastCheckIn"),
                            c.text("source")));
            names.add(row);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Rows(reports, names);
    }

    private static Map<String, Integer> header(String[] header) {
        Map<String, Integer> at = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip();
            if (!COLUMNS.contains(name)) {
                errors.add(
                        new FieldError(
                                "rows[1]",
                                "column \""
                                        + name
                                        + "\" is not one of "
                                        + String.join(", ", COLUMNS)));
            } else if (at.putIfAbsent(name, i) != null) {
                errors.add(new FieldError("rows[1]", "column " + name + " is given twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!at.containsKey(column) && !OPTIONAL.contains(column)) {
                errors.add(new FieldError("rows[1]", "column " + column + " is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return at;
    }

    /** One row's cells by column name; a cell that can't be read adds its error and is null. */
    private record Cells(
            String[] cells, Map<String, Integer> at, String row, List<FieldError> errors) {

        String text(String column) {
            Integer i = at.get(column);
            if (i == null || cells[i].isBlank()) {
                return null;
            }
            return cells[i];
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (TRUE.contains(v)) {
                return true;
            }
            if (FALSE.contains(v)) {
                return false;
            }
            errors.add(new FieldError(row + "." + column, "expected true or false"));
            return null;
        }

        Instant instant(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(
                        new FieldError(
                                row + "." + column,
                                "expected an ISO-8601 date-time (2026-11-27T08:15:00Z)"));
                return null;
            }
        }
    }
}
