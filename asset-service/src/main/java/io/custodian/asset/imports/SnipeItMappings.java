package io.custodian.asset.imports;

import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.Category;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Snipe-IT's free-form category names and status labels onto ours: the preset of {@link Dialect}
 * with the configured table ({@code custodian.imports.snipeit.*}) over it. Names are matched in any
 * case, with runs of spaces as one, singular or plural.
 */
final class SnipeItMappings {

    private final Map<String, Category> categories;
    private final Map<String, AssetStatus> statuses;

    SnipeItMappings(ImportConfig.SnipeIt config) {
        this.categories = merged(Dialect.SNIPEIT_CATEGORY, config.categories());
        this.statuses = merged(Dialect.SNIPEIT_STATUS, config.statuses());
    }

    private static <V> Map<String, V> merged(Map<String, V> preset, Map<String, V> configured) {
        Map<String, V> all = new HashMap<>(preset);
        configured.forEach((name, value) -> all.put(key(name), value));
        return Map.copyOf(all);
    }

    /** The category this name maps to, or null. */
    Category category(String name) {
        String key = key(name);
        Category category = categories.get(key);
        if (category == null && key.endsWith("s")) {
            category = categories.get(key.substring(0, key.length() - 1));
        }
        return category;
    }

    /** The status this label maps to, or null. */
    AssetStatus status(String label) {
        return statuses.get(key(label));
    }

    /** The statuses a label may be mapped to, for the error that asks for a mapping. */
    static String statusNames() {
        return Stream.of(AssetStatus.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String key(String name) {
        return Dialect.normalize(name);
    }
}
