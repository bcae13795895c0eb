package io.custodian.notification;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before a retry of a failing target ({@code custodian.delivery.retry.*}): the initial
 * delay multiplied by the factor for each retry before, at most the maximum delay, plus or minus a
 * random jitter. The same curve whether the retry happens while the record is held or after the
 * event was parked.
 */
public final class Backoff {

    private final long initialMillis;
    private final int factor;
    private final long maxMillis;
    private final long jitterMillis;

    public Backoff(NotificationConfig.Retry config) {
        this.initialMillis = config.initialDelay().toMillis();
        this.factor = Math.max(1, config.factor());
        this.maxMillis = config.maxDelay().toMillis();
        this.jitterMillis = config.jitter().toMillis();
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    public Duration delay(int retry) {
        long delay = initialMillis;
        for (int i = 0; i < retry && delay < maxMillis; i++) {
            delay *= factor;
        }
        delay = Math.min(delay, maxMillis);
        if (jitterMillis > 0) {
            delay += ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1);
        }
        return Duration.ofMillis(Math.max(0, delay));
    }
}
