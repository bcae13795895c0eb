package io.custodian.asset.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "custodian.policy")
interface PolicyConfig {

    Exceptions exceptions();

    Violations violations();

    interface Exceptions {
        /** How far ahead an exception may be wanted (and so approved): whole days. */
        @WithDefault("P365D")
        Duration maxAhead();

        /**
         * When the job runs that expires approved exceptions past their last valid day
         * (Quartz-style cron, read by the scheduler).
         */
        @WithDefault("0 */5 * * * ?")
        String expiryCron();
    }

    interface Violations {
        /** How far in the future occurredAt may lie (reporters' clocks differ). */
        @WithDefault("PT5M")
        Duration clockSkew();
    }
}
