package io.custodian.asset.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "custodian.incidents")
interface IncidentConfig {

    /** A report later than this after the loss or theft is flagged late. */
    @WithDefault("PT24H")
    Duration lateAfter();

    /** How far in the future occurredAt may lie (reporters' clocks differ). */
    @WithDefault("PT5M")
    Duration clockSkew();
}
