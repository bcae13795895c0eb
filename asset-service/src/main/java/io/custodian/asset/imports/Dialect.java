package io.custodian.asset.imports;

import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.Category;
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

    /**
     * Snipe-IT's default status labels onto our lifecycle. "Pending" (not yet deployable) and
     * "Ready to Deploy" are both in stock; "Archived" is retired; "Lost/Stolen" is lost (Snipe-IT
     * does not tell which); broken or out for repair/diagnostics is in repair.
     */
    static final Map<String, AssetStatus> SNIPEIT_STATUS =
            Map.ofEntries(
                    Map.entry("ready to deploy", AssetStatus.IN_STOCK),
                    Map.entry("pending", AssetStatus.IN_STOCK),
                    Map.entry("deployed", AssetStatus.IN_USE),
                    Map.entry("archived", AssetStatus.RETIRED),
                    Map.entry("lost/stolen", AssetStatus.LOST),
                    Map.entry("lost", AssetStatus.LOST),
                    Map.entry("stolen", AssetStatus.STOLEN),
                    Map.entry("broken", AssetStatus.IN_REPAIR),
                    Map.entry("out for repair", AssetStatus.IN_REPAIR),
                    Map.entry("out for diagnostics", AssetStatus.IN_REPAIR));

    /** Snipe-IT categories are free text; the usual names (singular or plural) onto ours. */
    static final Map<String, Category> SNIPEIT_CATEGORY =
            Map.ofEntries(
                    Map.entry("laptop", Category.LAPTOP),
                    Map.entry("notebook", Category.LAPTOP),
                    Map.entry("desktop", Category.DESKTOP),
                    Map.entry("workstation", Category.DESKTOP),
                    Map.entry("phone", Category.PHONE),
                    Map.entry("mobile phone", Category.PHONE),
                    Map.entry("smartphone", Category.PHONE),
                    Map.entry("mobile", Category.PHONE),
                    Map.entry("tablet", Category.TABLET),
                    Map.entry("server", Category.SERVER),
                    Map.entry("network", Category.NETWORK_DEVICE),
                    Map.entry("networking", Category.NETWORK_DEVICE),
                    Map.entry("network device", Category.NETWORK_DEVICE),
                    Map.entry("switch", Category.NETWORK_DEVICE),
                    Map.entry("router", Category.NETWORK_DEVICE),
                    Map.entry("firewall", Category.NETWORK_DEVICE),
                    Map.entry("hardware token", Category.HARDWARE_TOKEN),
                    Map.entry("security key", Category.HARDWARE_TOKEN),
                    Map.entry("yubikey", Category.HARDWARE_TOKEN),
                    Map.entry("removable media", Category.REMOVABLE_MEDIA),
                    Map.entry("usb drive", Category.REMOVABLE_MEDIA),
                    Map.entry("external drive", Category.REMOVABLE_MEDIA),
                    Map.entry("other", Category.OTHER));

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
