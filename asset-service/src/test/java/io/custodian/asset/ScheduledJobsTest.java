package io.custodian.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daily jobs do not fire during tests: each test that needs one runs it itself, so no job
 * changes what another test counts.
 */
@QuarkusTest
class ScheduledJobsTest {

    static final List<String> DAILY_JOBS =
            List.of(
                    "verification-reminders",
                    "offboarding-escalations",
                    "exception-expiry",
                    "compliance-snapshots");

    @Inject Scheduler scheduler;

    @Test
    void shouldNotScheduleTheDailyJobsInTests() {
        for (String job : DAILY_JOBS) {
            assertThat(scheduler.getScheduledJob(job)).as(job).isNull();
        }
        // the outbox relay's poll is not a daily job: it keeps running
        assertThat(scheduler.getScheduledJobs()).isNotEmpty();
    }
}
