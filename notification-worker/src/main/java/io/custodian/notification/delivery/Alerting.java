package io.custodian.notification.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.notification.NotificationConfig;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/**
 * What every {@link AlertingHandler} needs besides its event type: the JSON reader of the payload,
 * the dispatcher that delivers the alert, the zone its times are shown in ({@code
 * custodian.alerts.time-zone}) and the console's address ({@code custodian.alerts.console-url},
 * without a trailing slash; null when unset). Injected once, so a handler names only its own type.
 */
@Singleton
public class Alerting {

    final ObjectMapper mapper;
    final AlertDispatcher dispatcher;
    final ZoneId zone;
    final String consoleUrl;

    Alerting(ObjectMapper mapper, AlertDispatcher dispatcher, NotificationConfig config) {
        this.mapper = mapper;
        this.dispatcher = dispatcher;
        this.zone = config.alerts().timeZone();
        this.consoleUrl =
                config.alerts()
                        .consoleUrl()
                        .map(url -> url.toString().replaceAll("/+$", ""))
                        .orElse(null);
    }
}
