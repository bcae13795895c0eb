package io.custodian.e2e;

import static io.custodian.e2e.LossReports.CEO;
import static io.custodian.e2e.LossReports.CTO;
import static io.custodian.e2e.LossReports.LEADERSHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The notification-worker killed (SIGKILL) in the middle of a stream of loss reports, then started
 * again with the same configuration: every report still ends with one alert to the CEO and one to
 * the CTO. The only repeat allowed is the documented at-least-once window (the SMTP server accepted
 * the mail, the worker died before it recorded the delivery), and such a repeat carries the same
 * Message-ID, so a mail system can drop it.
 *
 * <p>The worker runs with its production consumer settings, so the restarted worker gets the
 * partitions back only once the broker has expired the killed consumers' sessions ({@code
 * session.timeout.ms}, 45 s by default): the test takes about a minute and prints how long the
 * alerts were held up.
 */
class WorkerKilledTest {

    private static final int REPORTS = 40;
    private static final Duration PACE = Duration.ofMillis(100);

    private static Custodian custodian;
    private static LossReports reports;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM =
            context -> {
                custodian = Custodian.get(context);
                reports = new LossReports(custodian);
            };

    @BeforeEach
    @AfterEach
    void everythingUp() {
        if (!custodian.kafka.isRunning()) {
            custodian.kafka.start();
        }
        custodian.mail.start();
        custodian.startWorker();
    }

    @Test
    void shouldAlertEveryReportOnceAfterTheWorkerIsKilledMidStreamRepeatingOnlyTheSameMessageId() {
        List<String> tags =
                IntStream.range(0, REPORTS).mapToObj(i -> LossReports.newTag()).toList();
        tags.forEach(reports::createLaptop);

        Map<String, String> incidents = new ConcurrentHashMap<>();
        ExecutorService reporter = Executors.newSingleThreadExecutor();
        Instant killedAt;
        Instant readyAgainAt;
        long alertedBeforeKill;
        int reportedBeforeKill;
        Map<String, Integer> atKill;
        try {
            CompletableFuture<Void> reporting =
                    CompletableFuture.runAsync(
                            () -> reportAtASteadyPace(tags, incidents), reporter);

            // about half of the reports have reached the CEO: kill the worker, no goodbye
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> reports.alerted(CEO, tags) >= REPORTS / 2);
            custodian.killWorker();
            killedAt = Instant.now();
            alertedBeforeKill = reports.alerted(CEO, tags);
            atKill = mailsPerAlert(tags);
            reportedBeforeKill = incidents.size();

            custodian.startWorker();
            readyAgainAt = Instant.now();
            reporting.join();
        } finally {
            reporter.shutdownNow();
        }
        assertThat(incidents).hasSize(REPORTS);
        // the kill hit mid-stream: some reports had not been e-mailed yet
        assertThat(alertedBeforeKill).isLessThan(REPORTS);

        // held up for the killed consumers' session timeout, then everything flows again
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () ->
                                reports.alerted(CEO, tags) == REPORTS
                                        && reports.alerted(CTO, tags) == REPORTS);
        Instant allAlertedAt = Instant.now();
        // whatever the restarted worker still had to redeliver has been through by now
        int mails = mailsAbout(tags);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailsAbout(tags) == mails);

        int repeats = 0;
        Set<String> messageIds = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (String tag : tags) {
            for (String recipient : LEADERSHIP) {
                List<MimeMessage> received = reports.alerts(recipient, tag);
                List<String> ids = received.stream().map(LossReports::messageId).toList();
                assertThat(received)
                        .as("alerts to %s about incident %s", recipient, incidents.get(tag))
                        .isNotEmpty();
                // a repeat is the same mail again: one Message-ID per (incident, recipient)
                assertThat(Set.copyOf(ids))
                        .as("Message-IDs of the alerts to %s about %s", recipient, tag)
                        .hasSize(1);
                messageIds.add(ids.get(0));
                if (ids.size() > 1) {
                    // the window: sent just before the kill, not yet recorded, sent once more
                    assertThat(atKill.get(tag + " " + recipient))
                            .as("alerts to %s about %s when the worker was killed", recipient, tag)
                            .isEqualTo(1);
                    assertThat(ids).hasSize(2);
                    repeats += ids.size() - 1;
                    repeated.add(recipient + " about " + tag + " x" + ids.size());
                }
            }
        }
        // and no two (incident, recipient) pairs share one
        assertThat(messageIds).hasSize(REPORTS * LEADERSHIP.size());

        System.out.printf(
                "worker killed mid-stream: %d of %d reports e-mailed and %d posted at the kill;"
                        + " restarted worker ready in %d ms; all %d alerted to CEO and CTO %d ms"
                        + " after the kill; repeats within the at-least-once window (same"
                        + " Message-ID): %d %s%n",
                alertedBeforeKill,
                REPORTS,
                reportedBeforeKill,
                Duration.between(killedAt, readyAgainAt).toMillis(),
                REPORTS,
                Duration.between(killedAt, allAlertedAt).toMillis(),
                repeats,
                repeated);
    }

    /** One report every {@link #PACE}, in order, whether or not the worker is alive. */
    private static void reportAtASteadyPace(List<String> tags, Map<String, String> incidents) {
        long start = System.nanoTime();
        for (int i = 0; i < tags.size(); i++) {
            long due = start + i * PACE.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Custodian.sleep(Duration.ofNanos(wait).toMillis());
            }
            incidents.put(tags.get(i), reports.reportStolen(tags.get(i)));
        }
    }

    /** How many alerts each (tag, recipient) has received so far, keyed "tag recipient". */
    private static Map<String, Integer> mailsPerAlert(List<String> tags) {
        Map<String, Integer> counts = new HashMap<>();
        for (String tag : tags) {
            for (String recipient : LEADERSHIP) {
                counts.put(tag + " " + recipient, reports.alerts(recipient, tag).size());
            }
        }
        return counts;
    }

    private static int mailsAbout(List<String> tags) {
        return mailsPerAlert(tags).values().stream().mapToInt(Integer::intValue).sum();
    }
}
