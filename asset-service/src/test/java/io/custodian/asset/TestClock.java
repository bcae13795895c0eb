package io.custodian.asset;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's clock in tests: the system clock (in {@code custodian.time-zone}) moved by a
 * base offset, unless a test moves it further; a test that moves it resets it when done, so the
 * other tests see the base.
 *
 * <p>The base is {@code 0} unless the system property {@value #OFFSET_PROPERTY} gives one (an ISO
 * duration, e.g. {@code P30D}): {@code ./mvnw verify -Dcustodian.test.clock-offset=P30D} runs the
 * suite as if it were a month later. Tests take "now" and "today" from {@link #now()} and {@link
 * #today()}, never from the system clock, so that such a run stays green.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    public static final String OFFSET_PROPERTY = "custodian.test.clock-offset";

    static final Duration BASE = Duration.parse(System.getProperty(OFFSET_PROPERTY, "PT0S").trim());

    private final ZoneId zone =
            ZoneId.of(
                    ConfigProvider.getConfig()
                            .getOptionalValue("custodian.time-zone", String.class)
                            .orElse("UTC"));
    private volatile Duration offset = BASE;

    /** The tests' "now": real time plus the base offset (the clock as no test has moved it). */
    public static Instant now() {
        return Instant.now().plus(BASE);
    }

    /** The tests' "today", in UTC. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** From now on, the clock reads the base time plus this. */
    public void shift(Duration by) {
        offset = BASE.plus(by);
    }

    public void reset() {
        offset = BASE;
    }

    /** The company's zone ({@code custodian.time-zone}), as the production clock has it. */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
