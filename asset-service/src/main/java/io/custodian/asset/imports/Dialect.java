package io.custodian.asset.imports;

import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.Category;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column layouts an import understands: Custodian's own (which is also what {@code GET
 * /api/v1/exports?format=csv} writes), and Snipe-IT's (its asset export and its importer's
 * template, both). Column names are matched case-insensitively, with any run of spaces as one, in
 * any order.
 *
 * <p>What becomes of each Snipe-IT column (also in {@code docs/imports.md}):
 *
 * <ul>
 *   <li>{@code Asset Tag} → {@code assetTag} (the upsert key); {@code Name}, {@code Asset Name},
 *       {@code Item Name} → {@code name} (empty: the model, else the tag); {@code Serial}, {@code
 *       Serial Number} → {@code serialNumber}; {@code Model}, {@code Model Name} → {@code model};
 *       {@code Manufacturer}, {@code Location}, {@code Notes} as named; {@code Purchase Date};
 *       {@code Warranty} (months) or {@code Warranty Expires} → {@code warrantyUntil}.
 *   <li>{@code Category} → one of ours through {@link SnipeItMappings} (preset and configured); any
 *       other name → {@code other}, its name kept as {@code originalCategory}.
 *   <li>{@code Status}, {@code Status Label} → our status through {@link SnipeItMappings}; a label
 *       it does not map is a row error naming the mapping to add.
 *   <li>{@code Checked Out To}, {@code Assigned To} (export) and {@code Full Name}, {@code Email},
 *       {@code Username} (template) → the assignee, who becomes the asset's <b>holder</b>; one the
 *       directory does not know is listed in the job's report.
 *   <li>{@code Owner} (not Snipe-IT's, optional) → the owner, a person or a group; else the job's
 *       default owner group.
 *   <li>{@code Company}, {@code Supplier}, {@code Order Number}, {@code Purchase Cost}, {@code
 *       Model Number} ({@code Model No.}) → kept as lines of {@code notes} ({@link
 *       #KEPT_IN_NOTES}).
 *   <li>every other column (ID, Checkout Date, Expected Checkin, Last Audit, EOL, Created At,
 *       custom fields, …) is ignored.
 * </ul>
 */
enum Dialect {
    CUSTODIAN(
            Map.ofEntries(
                    Map.entry(Field.ASSET_TAG, List.of("assetTag")),
                    Map.entry(Field.NAME, List.of("name")),
                    Map.entry(Field.CATEGORY, List.of("category")),
                    Map.entry(Field.ORIGINAL_CATEGORY, List.of("originalCategory")),
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
                    Map.entry(Field.NAME, List.of("Name", "Asset Name", "Item Name")),
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
                    Map.entry(Field.OWNER, List.of("Owner")),
                    Map.entry(Field.ASSIGNEE, List.of("Checked Out To", "Assigned To")),
                    Map.entry(Field.ASSIGNEE_EMAIL, List.of("Email")),
                    Map.entry(Field.ASSIGNEE_USERNAME, List.of("Username")),
                    Map.entry(Field.ASSIGNEE_NAME, List.of("Full Name")),
                    Map.entry(Field.COMPANY, List.of("Company")),
                    Map.entry(Field.SUPPLIER, List.of("Supplier")),
                    Map.entry(Field.ORDER_NUMBER, List.of("Order Number")),
                    Map.entry(Field.PURCHASE_COST, List.of("Purchase Cost")),
                    Map.entry(
                            Field.MODEL_NUMBER, List.of("Model Number", "Model No.", "Model No"))),
            List.of(Field.ASSET_TAG, Field.CATEGORY));

    /**
     * Snipe-IT's columns that have no field here, kept as lines of the notes ({@code Company: Acme
     * Ltd}), in this order and with these labels whatever the file calls them, so that an export
     * and a template of the same assets give the same notes.
     */
    static final Map<Field, String> KEPT_IN_NOTES = keptInNotes();

    private static Map<Field, String> keptInNotes() {
        Map<Field, String> kept = new LinkedHashMap<>();
        kept.put(Field.COMPANY, "Company");
        kept.put(Field.SUPPLIER, "Supplier");
        kept.put(Field.ORDER_NUMBER, "Order number");
        kept.put(Field.PURCHASE_COST, "Purchase cost");
        kept.put(Field.MODEL_NUMBER, "Model number");
        return Collections.unmodifiableMap(kept);
    }

    /**
     * Snipe-IT's default status labels onto our lifecycle (the preset; configuration adds to it and
     * overrides it, {@link SnipeItMappings}). "Pending" (not yet deployable) and "Ready to Deploy"
     * are both in stock; "Deployed" (checked out) is in use; "Archived" is retired, and so is
     * "Broken - Not Fixable" (out of service for good; disposal is a step of its own here);
     * "Lost/Stolen" is lost (Snipe-IT does not tell which); out for repair or diagnostics is in
     * repair.
     */
    static final Map<String, AssetStatus> SNIPEIT_STATUS =
            Map.ofEntries(
                    Map.entry("ready to deploy", AssetStatus.IN_STOCK),
                    Map.entry("pending", AssetStatus.IN_STOCK),
                    Map.entry("deployed", AssetStatus.IN_USE),
                    Map.entry("checked out", AssetStatus.IN_USE),
                    Map.entry("archived", AssetStatus.RETIRED),
                    Map.entry("broken - not fixable", AssetStatus.RETIRED),
                    Map.entry("lost/stolen", AssetStatus.LOST),
                    Map.entry("lost", AssetStatus.LOST),
                    Map.entry("stolen", AssetStatus.STOLEN),
                    Map.entry("broken", AssetStatus.IN_REPAIR),
                    Map.entry("out for repair", AssetStatus.IN_REPAIR),
                    Map.entry("out for diagnostics", AssetStatus.IN_REPAIR));

    /**
     * Snipe-IT categories are free text; the usual names (singular or plural) onto ours (the
     * preset; configuration adds to it and overrides it). Any other name is {@code other}, with the
     * name kept on the asset.
     */
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
                    Map.entry("switche", Category.NETWORK_DEVICE), // "Switches"
                    Map.entry("router", Category.NETWORK_DEVICE),
                    Map.entry("firewall", Category.NETWORK_DEVICE),
                    Map.entry("access point", Category.NETWORK_DEVICE),
                    Map.entry("hardware token", Category.HARDWARE_TOKEN),
                    Map.entry("security key", Category.HARDWARE_TOKEN),
                    Map.entry("yubikey", Category.HARDWARE_TOKEN),
                    Map.entry("removable media", Category.REMOVABLE_MEDIA),
                    Map.entry("usb drive", Category.REMOVABLE_MEDIA),
                    Map.entry("external drive", Category.REMOVABLE_MEDIA),
                    Map.entry("monitor", Category.OTHER),
                    Map.entry("display", Category.OTHER),
                    Map.entry("keyboard", Category.OTHER),
                    Map.entry("mouse", Category.OTHER),
                    Map.entry("mice", Category.OTHER),
                    Map.entry("docking station", Category.OTHER),
                    Map.entry("printer", Category.OTHER),
                    Map.entry("headset", Category.OTHER),
                    Map.entry("accessory", Category.OTHER),
                    Map.entry("accessorie", Category.OTHER), // "Accessories"
                    Map.entry("other", Category.OTHER));

    /** What a column means, whatever it is called in the file. */
    enum Field {
        ASSET_TAG,
        NAME,
        CATEGORY,
        ORIGINAL_CATEGORY,
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
        OWNER_TYPE,
        ASSIGNEE,
        ASSIGNEE_EMAIL,
        ASSIGNEE_USERNAME,
        ASSIGNEE_NAME,
        COMPANY,
        SUPPLIER,
        ORDER_NUMBER,
        PURCHASE_COST,
        MODEL_NUMBER
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

    /**
     * A column's name as matched: without a byte-order mark, stripped, lower case, each run of
     * spaces one space ({@code "item Name"} is {@code "item name"}).
     */
    static String normalize(String column) {
        String name = column == null ? "" : column.strip();
        if (name.startsWith("\uFEFF")) {
            name = name.substring(1).strip();
        }
        name = name.toLowerCase(Locale.ROOT);
        // one pass, no pattern: this also runs on every row's category and status
        StringBuilder single = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (single == null
                    && space
                    && (c != ' '
                            || i + 1 < name.length()
                                    && Character.isWhitespace(name.charAt(i + 1)))) {
                single = new StringBuilder(name.length()).append(name, 0, i);
            }
            if (single != null && (!space || single.charAt(single.length() - 1) != ' ')) {
                single.append(space ? ' ' : c);
            }
        }
        return single == null ? name : single.toString();
    }
}
