package io.custodian.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The service reads the tests' clock: as far ahead of the machine as {@code
 * -Dcustodian.test.clock-offset} says (none by default), so a run with an offset really runs the
 * service in that future.
 */
@QuarkusTest
class TestClockTest {

    @Inject Clock clock;

    @Test
    void shouldRunTheServiceAsFarAheadAsTheOffsetSays() {
        System.out.printf(
                "Test clock base offset: %s (service today: %s)%n",
                TestClock.BASE, LocalDate.now(clock));
        Duration ahead = Duration.between(Instant.now(), clock.instant());
        assertThat(ahead).isBetween(TestClock.BASE.minusSeconds(5), TestClock.BASE.plusSeconds(5));
        assertThat(LocalDate.now(clock)).isEqualTo(TestClock.today());
    }
}
