package io.custodian.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code custodian.time-zone} set, the daily jobs run at their local times in the company's
 * zone (not the server's), and the one clock every feature reads is in that zone, so "today" is the
 * company's date.
 */
@QuarkusTest
@TestProfile(CompanyTimeZoneTest.InAuckland.class)
class CompanyTimeZoneTest {

    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    public static class InAuckland implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.time-zone", AUCKLAND.getId(),
                    "custodian.verification.reminder-cron", "0 0 6 * * ?",
                    "custodian.offboarding.escalation-cron", "0 0 7 * * ?",
                    "custodian.policy.exceptions.expiry-cron", "0 */5 * * * ?");
        }
    }

    @Inject Scheduler scheduler;
    @Inject Clock clock;

    @Test
    void shouldRunTheDailyJobsAtTheirLocalTimesInTheCompanysZone() {
        assertThat(nextRun("verification-reminders").toLocalTime()).isEqualTo(LocalTime.of(6, 0));
        assertThat(nextRun("offboarding-escalations").toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(nextRun("exception-expiry").getMinute() % 5).isZero();
    }

    @Test
    void shouldReadTheDateInTheCompanysZone() {
        assertThat(clock.getZone()).isEqualTo(AUCKLAND);
        assertThat(java.time.LocalDate.now(clock))
                .isEqualTo(TestClock.now().atZone(AUCKLAND).toLocalDate());
    }

    private ZonedDateTime nextRun(String job) {
        Trigger trigger = scheduler.getScheduledJob(job);
        assertThat(trigger).as(job).isNotNull();
        return trigger.getNextFireTime().atZone(AUCKLAND);
    }
}
