package io.custodian.asset.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "custodian.compliance")
interface ComplianceConfig {

    /**
     * A.5.10: how long after joining, or after the current version's publication (whichever is
     * later), a person has to acknowledge the acceptable-use rules.
     */
    @WithDefault("P14D")
    Duration acknowledgementWithin();

    /** A.8.1: how recent an endpoint's last posture report from the MDM must be. */
    @WithDefault("P7D")
    Duration postureWithin();

    /**
     * A.5.11, A.6.5: how long after the last working day an off-boarding's items may still be open
     * (whole days; by default the off-boarding's own escalation grace).
     */
    @WithDefault("P3D")
    Duration returnGrace();

    /**
     * When the daily snapshot of every control is taken (a Quartz cron in {@code
     * custodian.time-zone}; {@code off} in tests, which take it by hand).
     */
    String snapshotCron();

    /** A.6.8: how soon after a loss report leadership must have the alert in their mailbox. */
    @WithDefault("PT5M")
    Duration notificationWithin();

    /**
     * A.6.8: who must be notified of every loss report, by the worker's recipient names ({@code
     * custodian.recipients.<name>} of notification-worker, e.g. {@code ceo}).
     */
    @WithDefault("ceo,cto")
    java.util.List<String> notified();
}
