package io.custodian.asset.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "custodian.exports")
interface ExportConfig {

    /** Rows PostgreSQL sends per round trip of the export's cursor (the rows held in memory). */
    @WithDefault("1000")
    int fetchSize();

    /** The longest an export's read-only transaction may stay open (a slow client's download). */
    @WithDefault("PT1H")
    Duration transactionTimeout();
}
