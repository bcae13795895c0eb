package io.custodian.asset.imports;

import io.custodian.asset.imports.Dialect.Field;
import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.Category;
import io.custodian.asset.web.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns one row of a file into a {@link StagedRow}, or into the reasons it cannot be imported. Only
 * what one row can tell: duplicates across rows and clashes with the register are found later, set
 * by set, in the staging table.
 */
final class RowMapper {

    private static final Pattern ASSET_TAG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]*$");
    private static final Pattern MONTHS = Pattern.compile("^(\\d{1,3})\\s*(months?)?$");

    private final Dialect dialect;
    private final KnownOwners owners;
    private final UUID defaultOwnerGroup;
    private final CellValues cells;
    private final Map<Field, Integer> index = new EnumMap<>(Field.class);
    private final Map<Field, String> label = new EnumMap<>(Field.class);

    private RowMapper(
            Dialect dialect, KnownOwners owners, UUID defaultOwnerGroup, SnipeItMappings mappings) {
        this.dialect = dialect;
        this.owners = owners;
        this.defaultOwnerGroup = defaultOwnerGroup;
        this.cells = new CellValues(dialect, mappings, this::label);
    }

    /**
     * A mapper for files with this header, or the header's problems (row 1): required columns
     * missing.
     */
    static RowMapper forHeader(
            Dialect dialect,
            String[] header,
            KnownOwners owners,
            UUID defaultOwnerGroup,
            SnipeItMappings mappings,
            List<RowError> errors) {
        RowMapper mapper = new RowMapper(dialect, owners, defaultOwnerGroup, mappings);
        for (int i = 0; i < header.length; i++) {
            String name = Dialect.normalize(header[i]);
            for (var column : dialect.columns.entrySet()) {
                if (!mapper.index.containsKey(column.getKey())
                        && column.getValue().stream()
                                .anyMatch(c -> Dialect.normalize(c).equals(name))) {
                    mapper.index.put(column.getKey(), i);
                    mapper.label.put(column.getKey(), header[i].replace("\uFEFF", "").strip());
                }
            }
        }
        for (Field field : dialect.required) {
            if (!mapper.index.containsKey(field)) {
                errors.add(
                        new RowError(
                                1,
                                dialect.columns.get(field).get(0),
                                "required column is missing from the header"));
            }
        }
        return errors.isEmpty() ? mapper : null;
    }

    /** The column's name as the file spells it (or the dialect's usual name if absent). */
    String label(Field field) {
        return label.getOrDefault(field, dialect.columns.get(field).get(0));
    }

    /** The row as a staged row, or null with the reasons added to {@code errors}. */
    StagedRow map(long row, String[] values, List<RowError> errors) {
        List<RowError> mine = new ArrayList<>(2);
        String tag = value(values, Field.ASSET_TAG);
        if (tag == null) {
            // without a tag the row names an existing asset by its serial number (matched after
            // staging); with neither there is nothing to match
            if (value(values, Field.SERIAL) == null) {
                mine.add(error(row, Field.ASSET_TAG, "required (or a serial number of an asset)"));
            }
        } else if (tag.length() > 64 || !ASSET_TAG.matcher(tag).matches()) {
            mine.add(
                    error(
                            row,
                            Field.ASSET_TAG,
                            "must be at most 64 letters, digits or . _ / - (not first)"));
        }
        String model = value(values, Field.MODEL);
        String name = value(values, Field.NAME);
        if (name == null && dialect == Dialect.SNIPEIT) {
            // Snipe-IT leaves the name empty for most assets: it shows the model instead
            name = model != null ? model : tag;
        }
        if (name == null) {
            mine.add(error(row, Field.NAME, "required"));
        }
        String categoryName = value(values, Field.CATEGORY);
        Category category = cells.category(row, categoryName, mine);
        // a Snipe-IT category that becomes "other" keeps its name; a mapped one is ours
        String originalCategory =
                dialect == Dialect.CUSTODIAN
                        ? value(values, Field.ORIGINAL_CATEGORY)
                        : category == Category.OTHER && !CellValues.isOurCategory(categoryName)
                                ? categoryName
                                : null;
        String classification =
                cells.classification(row, value(values, Field.CLASSIFICATION), mine);
        String owner = value(values, Field.OWNER);
        String assigneeEmail = value(values, Field.ASSIGNEE_EMAIL);
        String assigneeUsername = value(values, Field.ASSIGNEE_USERNAME);
        String assigneeName = value(values, Field.ASSIGNEE_NAME);
        String assignee = value(values, Field.ASSIGNEE);
        boolean assigned =
                assigneeEmail != null
                        || assigneeUsername != null
                        || assigneeName != null
                        || assignee != null;
        AssetStatus status = cells.status(row, value(values, Field.STATUS), assigned, mine);
        LocalDate purchased =
                cells.date(row, Field.PURCHASE_DATE, value(values, Field.PURCHASE_DATE), mine);
        LocalDate warranty =
                cells.date(row, Field.WARRANTY_UNTIL, value(values, Field.WARRANTY_UNTIL), mine);
        String months = value(values, Field.WARRANTY_MONTHS);
        if (warranty == null && months != null) {
            var matcher = MONTHS.matcher(months.toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                mine.add(error(row, Field.WARRANTY_MONTHS, "not a number of months"));
            } else if (purchased != null) {
                warranty = purchased.plusMonths(Integer.parseInt(matcher.group(1)));
            }
        }
        UUID ownerPerson = null;
        UUID ownerGroup = null;
        // an export says which kind of party the owner is; without that, a person comes first
        String givenType = value(values, Field.OWNER_TYPE);
        String ownerType = cells.ownerType(row, givenType, mine);
        if (owner != null) {
            if (!"group".equals(ownerType)) {
                ownerPerson = owners.person(owner);
            }
            if (ownerPerson == null
                    && ("group".equals(ownerType) || ownerType == null && !owner.contains("@"))) {
                ownerGroup = owners.group(owner);
            }
        }
        if (ownerPerson == null && ownerGroup == null && (givenType == null || ownerType != null)) {
            if (defaultOwnerGroup != null) {
                ownerGroup = defaultOwnerGroup;
            } else if (owner == null) {
                mine.add(
                        error(
                                row,
                                Field.OWNER,
                                "no owner: every asset needs one; give defaultOwnerGroup for"
                                        + " rows without"));
            } else {
                mine.add(
                        error(
                                row,
                                Field.OWNER,
                                switch (ownerType == null ? "" : ownerType) {
                                    case "group" -> "no group is known by this name";
                                    case "person" -> "no person is known by this e-mail or name";
                                    default -> "no person or group is known by this e-mail or name";
                                }));
            }
        }
        String serial = value(values, Field.SERIAL);
        String manufacturer = value(values, Field.MANUFACTURER);
        String location = value(values, Field.LOCATION);
        String notes = withKeptColumns(value(values, Field.NOTES), values);
        UUID holder = null;
        RowError unknownAssignee = null;
        if (assigned) {
            holder = owners.assignee(assigneeEmail, assigneeUsername, assigneeName, assignee);
            if (holder == null) {
                Field given =
                        assigneeEmail != null
                                ? Field.ASSIGNEE_EMAIL
                                : assigneeUsername != null
                                        ? Field.ASSIGNEE_USERNAME
                                        : assigneeName != null
                                                ? Field.ASSIGNEE_NAME
                                                : Field.ASSIGNEE;
                unknownAssignee = new RowError(row, label(given), value(values, given));
            }
        }
        storable(row, values, mine);
        tooLong(row, Field.CATEGORY, originalCategory, 100, mine);
        tooLong(row, Field.NAME, name, 200, mine);
        tooLong(row, Field.SERIAL, serial, 100, mine);
        tooLong(row, Field.MANUFACTURER, manufacturer, 100, mine);
        tooLong(row, Field.MODEL, model, 100, mine);
        tooLong(row, Field.LOCATION, location, 200, mine);
        tooLong(row, Field.NOTES, notes, 4000, mine);
        if (!mine.isEmpty()) {
            errors.addAll(mine);
            return null;
        }
        return new StagedRow(
                row,
                tag,
                name,
                category.name(),
                originalCategory,
                classification,
                status.name(),
                serial,
                manufacturer,
                model,
                notes,
                location,
                purchased,
                warranty,
                ownerPerson,
                ownerGroup,
                holder,
                unknownAssignee);
    }

    /**
     * The notes with a line for each of Snipe-IT's columns that have no field here ({@code Company:
     * Acme Ltd}), so that nothing of the file is dropped silently.
     */
    private String withKeptColumns(String notes, String[] values) {
        if (dialect != Dialect.SNIPEIT) {
            return notes;
        }
        StringBuilder kept = new StringBuilder();
        for (var column : Dialect.KEPT_IN_NOTES.entrySet()) {
            String value = value(values, column.getKey());
            if (value != null) {
                kept.append(kept.isEmpty() ? "" : "\n")
                        .append(column.getValue())
                        .append(": ")
                        .append(value);
            }
        }
        if (kept.isEmpty()) {
            return notes;
        }
        return notes == null ? kept.toString() : notes + "\n" + kept;
    }

    /**
     * Every cell by the API's rule for text ({@link Text}): notes may span lines, every other cell
     * is one line without control characters, so no imported name can break an alert's subject.
     */
    private void storable(long row, String[] values, List<RowError> errors) {
        for (Field field : index.keySet()) {
            String value = value(values, field);
            String problem =
                    field == Field.NOTES ? Text.unstorable(value) : Text.notSingleLine(value);
            if (problem != null) {
                errors.add(error(row, field, problem));
            }
        }
    }

    private void tooLong(long row, Field field, String value, int max, List<RowError> errors) {
        if (value != null && value.length() > max) {
            errors.add(error(row, field, "longer than " + max + " characters"));
        }
    }

    /**
     * The cell, stripped; null if absent or empty. In Custodian's dialect, the {@code '} an export
     * puts before a formula trigger is taken off, and notes are kept as written (the API does not
     * trim them either), so that an export reads back unchanged.
     */
    private String value(String[] values, Field field) {
        Integer i = index.get(field);
        if (i == null || i >= values.length || values[i] == null) {
            return null;
        }
        String value = values[i];
        if (dialect == Dialect.CUSTODIAN) {
            value = unescapeFormula(value);
            if (field == Field.NOTES) {
                return value.isEmpty() ? null : value;
            }
        }
        value = value.strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * {@code '=1+2} becomes {@code =1+2}: the reverse of the export's formula escaping, for a cell
     * starting with {@code '} and then {@code = + - @}, a tab or a carriage return — only then.
     */
    static String unescapeFormula(String cell) {
        if (cell.length() < 2 || cell.charAt(0) != '\'') {
            return cell;
        }
        return switch (cell.charAt(1)) {
            case '=', '+', '-', '@', '\t', '\r' -> cell.substring(1);
            default -> cell;
        };
    }

    private RowError error(long row, Field field, String reason) {
        return new RowError(row, label(field), reason);
    }
}
