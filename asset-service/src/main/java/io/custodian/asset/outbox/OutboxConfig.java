package io.custodian.asset.outbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "custodian.outbox")
interface OutboxConfig {

    /** Safety-net poll, for rows a commit signal missed (broker down, crash, another instance). */
    Duration pollInterval();

    /** Rows relayed per round. */
    int batchSize();

    /** How long to wait for the broker's acknowledgement before trying the row again later. */
    Duration ackTimeout();

    /** How long published rows are kept before they are purged. */
    Duration retention();
}
