package io.custodian.asset.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the console's templates show values: {@code {incident.reportedAt.shown}} is the instant in
 * the company's time zone ({@code custodian.time-zone}), {@code Thu 3 Dec 2026, 13:38 UTC}. One
 * place, so that every page shows a time alike.
 */
@TemplateExtension
public final class ConsoleFormats {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private static volatile ZoneId zone;

    private ConsoleFormats() {}

    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(zone()));
    }

    private static ZoneId zone() {
        ZoneId current = zone;
        if (current == null) {
            current =
                    ZoneId.of(
                            ConfigProvider.getConfig()
                                    .getValue("custodian.time-zone", String.class));
            zone = current;
        }
        return current;
    }
}
