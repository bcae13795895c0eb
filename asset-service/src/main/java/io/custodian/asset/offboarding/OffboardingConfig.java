package io.custodian.asset.offboarding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "custodian.offboarding")
interface OffboardingConfig {

    /**
     * Return items still pending this long (whole days) after the last working day are overdue and
     * escalated.
     */
    @WithDefault("P3D")
    Duration grace();

    /** When the daily escalation job runs (Quartz-style cron, read by the scheduler). */
    @WithDefault("0 0 7 * * ?")
    String escalationCron();
}
