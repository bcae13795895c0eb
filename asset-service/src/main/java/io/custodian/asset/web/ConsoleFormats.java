package io.custodian.asset.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the console's templates show values: {@code {incident.reportedAt.shown}} is the instant in
 * the viewer's time zone ({@link ViewerZone}, from their browser), else the company's ({@code
 * custodian.time-zone}), {@code Thu 3 Dec 2026, 13:38 UTC}. One place, so that every page shows a
 * time alike.
 */
@TemplateExtension
public final class ConsoleFormats {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private static volatile ZoneId zone;

    private ConsoleFormats() {}

    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(viewers().orElseGet(ConsoleFormats::zone)));
    }

    /** The viewer's zone, when a page is rendered for a request whose browser named one. */
    private static Optional<ZoneId> viewers() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return Optional.empty();
        }
        return arc.instance(ViewerZone.class).get().zone();
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
