package io.custodian.notification.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How an alert shows a moment: {@code Sat 28 Nov 2026, 11:20 UTC}, in the zone the alert is
 * rendered in ({@code custodian.alerts.time-zone}).
 */
public final class AlertTimes {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private AlertTimes() {}

    /** The moment as an alert shows it, in that zone; {@code null} for none. */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }
}
