package io.custodian.asset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock every service reads, so tests can move time; in the company's time zone ({@code
 * custodian.time-zone}), so "today" is the company's date wherever the server runs.
 */
class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "custodian.time-zone") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
