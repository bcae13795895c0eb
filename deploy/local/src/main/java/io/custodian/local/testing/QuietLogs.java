package io.custodian.local.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises chatty infrastructure loggers to WARN through java.util.logging, i.e. through JBoss
 * LogManager in a Quarkus test JVM (slf4j-jboss-logmanager routes Kafka's and zonky's slf4j there).
 * The loggers are kept strongly reachable: j.u.l. may otherwise forget a level with its logger.
 */
final class QuietLogs {

    private static final List<Logger> KEPT = new ArrayList<>();

    private QuietLogs() {}

    static synchronized void warn(String... categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            KEPT.add(logger);
        }
    }

    static void kafkaBroker() {
        warn("kafka", "org.apache.kafka", "state.change.logger");
    }

    static void postgres() {
        warn("io.zonky.test");
    }
}
