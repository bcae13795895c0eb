package io.custodian.asset.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "custodian.verification")
interface InventoryConfig {

    /** How often someone must attest that an asset is still where the register says. */
    @WithDefault("P90D")
    Duration cadence();

    /** When the daily reminder job runs (Quartz-style cron, read by the scheduler). */
    @WithDefault("0 0 6 * * ?")
    String reminderCron();
}
