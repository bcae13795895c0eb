package io.custodian.asset.web;

import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone of the person viewing a console page: the {@code tz} cookie the console's script
 * ({@code console-static/live.js}) sets from the browser's own zone ({@code
 * Intl.DateTimeFormat().resolvedOptions().timeZone}), when it names a known region. Until the
 * browser has said (its first page, or with script off) and for anything else, none: the page shows
 * the company's zone.
 */
@RequestScoped
@Unremovable
public class ViewerZone {

    /** The cookie's name, as the script writes it. */
    static final String COOKIE = "tz";

    private final CurrentVertxRequest request;
    private Optional<ZoneId> zone;

    ViewerZone(CurrentVertxRequest request) {
        this.request = request;
    }

    /**
     * The zone a form's date and time is typed in, as its times are shown: the viewer's, else
     * {@code company}.
     */
    public ZoneId or(ZoneId company) {
        return zone().orElse(company);
    }

    /** The zone the viewer's browser named, if it is one. */
    Optional<ZoneId> zone() {
        if (zone == null) {
            zone =
                    Optional.ofNullable(named())
                            .filter(ZoneId.getAvailableZoneIds()::contains)
                            .map(ZoneId::of);
        }
        return zone;
    }

    private String named() {
        RoutingContext current = request.getCurrent();
        Cookie cookie = current == null ? null : current.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().length() > 100) {
            return null;
        }
        try {
            return URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
