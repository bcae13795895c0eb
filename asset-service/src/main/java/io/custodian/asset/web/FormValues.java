package io.custodian.asset.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A console form's values as typed, by field name in the form's order (a blank field is null), and
 * the few conversions of typed text into what the API's operation takes — the service's own checks
 * then apply unchanged; text that is not the type asked for is that field's error.
 */
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

    /** A date field ({@code 2026-12-03}): null when blank; else {@code field}'s error. */
    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "give a date");
        }
    }

    /**
     * A date-and-time field ({@code datetime-local}) in {@code zone}: null when blank; else {@code
     * field}'s error.
     */
    public static Instant instant(String value, ZoneId zone, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "give a date and time");
        }
    }

    /**
     * A choice of an enum, spelled as the API spells it ({@code in_repair}): null when blank and
     * {@code optional}; else the constant, or {@code field}'s error {@code choose}.
     */
    public static <E extends Enum<E>> E choice(
            Class<E> type, String value, boolean optional, String field, String choose) {
        if (optional && (value == null || value.isBlank())) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ProblemException.invalid(field, choose);
        }
    }
}
