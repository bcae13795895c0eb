package io.custodian.asset.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column layouts an import understands: Custodian's own (which is also what {@code GET
 * /api/v1/exports?format=csv} writes), and a Snipe-IT asset export. Column names are matched
 * case-insensitively, in any order; unknown columns are ignored.
 */
enum Dialect {
    CUSTODIAN(
            Map.ofEntries(
                    Map.entry(Field.ASSET_TAG, List.of("assetTag")),
                    Map.entry(Field.NAME, List.of("name")),
                    Map.entry(Field.CATEGORY, List.of("category")),
                    Map.entry(Field.CLASSIFICATION, List.of("classification")),
                    Map.entry(Field.STATUS, List.of("status")),
                    Map.entry(Field.SERIAL, List.of("serialNumber")),
                    Map.entry(Field.MANUFACTURER, List.of("manufacturer")),
                    Map.entry(Field.MODEL, List.of("model")),
                    Map.entry(Field.LOCATION, List.of("location")),
                    Map.entry(Field.PURCHASE_DATE, List.of("purchaseDate")),
                    Map.entry(Field.WARRANTY_UNTIL, List.of("warrantyUntil")),
                    Map.entry(Field.NOTES, List.of("notes")),
                    Map.entry(Field.OWNER, List.of("owner")),
                    // what an export writes beside the owner: which kind of party it names
                    Map.entry(Field.OWNER_TYPE, List.of("ownerType"))),
            List.of(Field.ASSET_TAG, Field.NAME, Field.CATEGORY, Field.CLASSIFICATION)),
    SNIPEIT(
            Map.ofEntries(
                    Map.entry(Field.ASSET_TAG, List.of("Asset Tag")),
                    Map.entry(Field.NAME, List.of("Name", "Asset Name")),
                    Map.entry(Field.CATEGORY, List.of("Category")),
                    Map.entry(Field.STATUS, List.of("Status", "Status Label")),
                    Map.entry(Field.SERIAL, List.of("Serial", "Serial Number")),
                    Map.entry(Field.MANUFACTURER, List.of("Manufacturer")),
                    Map.entry(Field.MODEL, List.of("Model", "Model Name")),
                    Map.entry(Field.LOCATION, List.of("Location")),
                    Map.entry(Field.PURCHASE_DATE, List.of("Purchase Date")),
                    Map.entry(Field.WARRANTY_MONTHS, List.of("Warranty", "Warranty Months")),
                    Map.entry(Field.WARRANTY_UNTIL, List.of("Warranty Expires")),
                    Map.entry(Field.NOTES, List.of("Notes")),
                    Map.entry(Field.OWNER, List.of("Checked Out To", "Assigned To"))),
            List.of(Field.ASSET_TAG, Field.CATEGORY));

    /** What a column means, whatever it is called in the file. */
    enum Field {
        ASSET_TAG,
        NAME,
        CATEGORY,
        CLASSIFICATION,
        STATUS,
        SERIAL,
        MANUFACTURER,
        MODEL,
        LOCATION,
        PURCHASE_DATE,
        WARRANTY_MONTHS,
        WARRANTY_UNTIL,
        NOTES,
        OWNER,
        OWNER_TYPE
    }

    final Map<Field, List<String>> columns;
    final List<Field> required;

    Dialect(Map<Field, List<String>> columns, List<Field> required) {
        this.columns = columns;
        this.required = required;
    }

    /**
     * The dialect a header row is written in: Snipe-IT's "Asset Tag" or our "assetTag"; or null.
     */
    static Dialect detect(String[] header) {
        for (String column : header) {
            String name = normalize(column);
            if (name.equals("asset tag")) {
                return SNIPEIT;
            }
            if (name.equals("assettag")) {
                return CUSTODIAN;
            }
        }
        return null;
    }

    static Dialect parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "custodian" -> CUSTODIAN;
            case "snipeit", "snipe-it" -> SNIPEIT;
            default -> throw new IllegalArgumentException(value);
        };
    }

    static String normalize(String column) {
        String name = column == null ? "" : column.strip();
        if (name.startsWith("\uFEFF")) {
            name = name.substring(1).strip();
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
