package io.custodian.asset.imports;

import io.custodian.asset.imports.Dialect.Field;
import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.Category;
import io.custodian.asset.inventory.Classification;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One cell's value as the register takes it, in the file's dialect: a category (Snipe-IT's free
 * names through {@link SnipeItMappings}), a classification, a status label, a date, an owner type;
 * or null with the reason added to the row's errors, naming the column as the file spells it.
 */
final class CellValues {

    /**
     * Our own names, lower case, looked up without {@code valueOf} (whose exception for a name that
     * is not ours, as in every Snipe-IT row, would cost more than the rest of the row).
     */
    private static final Map<String, Category> CATEGORY = byName(Category.values());

    private static final Map<String, AssetStatus> STATUS = byName(AssetStatus.values());

    private static final Map<String, Classification> CLASSIFICATION =
            byName(Classification.values());

    private static <E extends Enum<E>> Map<String, E> byName(E[] values) {
        Map<String, E> names = new HashMap<>();
        for (E value : values) {
            names.put(value.name().toLowerCase(Locale.ROOT), value);
        }
        return Map.copyOf(names);
    }

    private final Dialect dialect;
    private final SnipeItMappings mappings;
    private final Function<Field, String> label;

    CellValues(Dialect dialect, SnipeItMappings mappings, Function<Field, String> label) {
        this.dialect = dialect;
        this.mappings = mappings;
        this.label = label;
    }

    /**
     * Whether the name is one of Custodian's own categories (in any case, spaces for {@code _}).
     */
    static boolean isOurCategory(String name) {
        return CATEGORY.containsKey(ourName(name));
    }

    /** A category as our own names spell it: lower case, {@code _} for spaces. */
    private static String ourName(String value) {
        return value.toLowerCase(Locale.ROOT).strip().replace(' ', '_');
    }

    /** {@code person}, {@code group}, or null when not given or invalid (an error then). */
    String ownerType(long row, String value, List<RowError> errors) {
        if (value == null) {
            return null;
        }
        String type = value.toLowerCase(Locale.ROOT);
        if (type.equals("person") || type.equals("group")) {
            return type;
        }
        errors.add(error(row, Field.OWNER_TYPE, "must be person or group"));
        return null;
    }

    Category category(long row, String value, List<RowError> errors) {
        if (value == null) {
            errors.add(error(row, Field.CATEGORY, "required"));
            return null;
        }
        Category category = CATEGORY.get(ourName(value));
        if (category == null && dialect == Dialect.SNIPEIT) {
            // Snipe-IT's categories are free text: a name mapped nowhere is "other", kept as is
            category = mappings.category(value);
            return category == null ? Category.OTHER : category;
        }
        if (category == null) {
            errors.add(error(row, Field.CATEGORY, "unknown category \"" + value + "\""));
        }
        return category;
    }

    String classification(long row, String value, List<RowError> errors) {
        if (dialect != Dialect.CUSTODIAN) {
            return null;
        }
        if (value == null) {
            errors.add(error(row, Field.CLASSIFICATION, "required"));
            return null;
        }
        Classification classification = CLASSIFICATION.get(value.toLowerCase(Locale.ROOT));
        if (classification == null) {
            errors.add(
                    error(
                            row,
                            Field.CLASSIFICATION,
                            "must be one of: public, internal, confidential, restricted"));
            return null;
        }
        return classification.name();
    }

    AssetStatus status(long row, String value, boolean assigned, List<RowError> errors) {
        if (value == null) {
            return dialect == Dialect.SNIPEIT && assigned
                    ? AssetStatus.IN_USE
                    : AssetStatus.IN_STOCK;
        }
        if (dialect == Dialect.CUSTODIAN) {
            AssetStatus status = STATUS.get(value.toLowerCase(Locale.ROOT).strip());
            if (status == null) {
                errors.add(error(row, Field.STATUS, "unknown status \"" + value + "\""));
            }
            return status;
        }
        // an export may add the assignee in brackets: "Deployed (Jane Doe)"
        int bracket = value.indexOf('(');
        String label = bracket > 0 ? value.substring(0, bracket).strip() : value;
        AssetStatus status = mappings.status(label);
        if (status == null) {
            errors.add(
                    error(
                            row,
                            Field.STATUS,
                            "unknown status label \""
                                    + label
                                    + "\": map it in the configuration, e.g."
                                    + " custodian.imports.snipeit.statuses.\""
                                    + label
                                    + "\"=in_stock (one of "
                                    + SnipeItMappings.statusNames()
                                    + ")"));
        }
        return status;
    }

    LocalDate date(long row, Field field, String value, List<RowError> errors) {
        if (value == null) {
            return null;
        }
        // ISO dates, also with a time after them ("2024-03-01 00:00:00", as Snipe-IT exports)
        String date =
                value.length() > 10 && (value.charAt(10) == ' ' || value.charAt(10) == 'T')
                        ? value.substring(0, 10)
                        : value;
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            errors.add(error(row, field, "not a date (yyyy-mm-dd): \"" + value + "\""));
            return null;
        }
    }

    private RowError error(long row, Field field, String reason) {
        return new RowError(row, label.apply(field), reason);
    }
}
