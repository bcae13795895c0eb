package io.custodian.asset.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** A console form's values as typed, by field name in the form's order (a blank field is null). */
public final class FormValues {

    private FormValues() {}

    /** {@code of("name", name, "location", location)}: the pairs, in order, nulls kept. */
    public static Map<String, String> of(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
