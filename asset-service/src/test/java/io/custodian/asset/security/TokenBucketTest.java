package io.custodian.asset.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldAllowTheBurstThenOneTokenPerIntervalAndSayHowLongToWait() {
        ReportRateLimit.TokenBucket bucket = new ReportRateLimit.TokenBucket(3, 2 * SECOND);
        long t0 = System.nanoTime();
        assertThat(bucket.take(t0)).isZero();
        assertThat(bucket.take(t0)).isZero();
        assertThat(bucket.take(t0)).isZero();
        long wait = bucket.take(t0 + SECOND / 2);
        assertThat(wait).isPositive().isLessThanOrEqualTo(2 * SECOND);

        assertThat(bucket.take(t0 + 2 * SECOND + 1)).isZero();
        assertThat(bucket.take(t0 + 2 * SECOND + 2)).isPositive();
        // a long pause refills up to the capacity, never beyond
        long later = t0 + 60 * SECOND;
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isPositive();
    }
}
