package io.custodian.asset.web;

import java.util.Arrays;
import java.util.List;

/**
 * One choice of a console form's select or checkboxes: the value the API takes, and its label
 * ({@code in_use} → "In use").
 */
public record Choice(String value, String label) {

    /** Every constant of an enum, spelled as the API spells it. */
    public static List<Choice> of(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(
                        v -> {
                            String spelled = LowerCaseEnums.of(v);
                            String label = spelled.replace('_', ' ');
                            return new Choice(
                                    spelled,
                                    Character.toUpperCase(label.charAt(0)) + label.substring(1));
                        })
                .toList();
    }
}
