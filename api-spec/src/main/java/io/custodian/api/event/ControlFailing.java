package io.custodian.api.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of the CloudEvent {@code compliance.control.failing}, as specified by {@code
 * schemas/compliance.control.failing.json}: a control's daily snapshot fails where the one before
 * it passed.
 */
public record ControlFailing(
        String controlId,
        String title,
        String rule,
        LocalDate day,
        Instant asOf,
        LocalDate lastPassingDay,
        long population,
        long passing,
        long failing,
        long excepted,
        List<Item> failingItems,
        boolean moreFailingItems) {

    /** One failing item: what it is, how it is named, and why it fails. */
    public record Item(String id, String type, String label, List<String> reasons) {}
}
