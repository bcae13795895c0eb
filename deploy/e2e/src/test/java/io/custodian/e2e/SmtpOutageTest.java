package io.custodian.e2e;

import static io.custodian.e2e.LossReports.CEO;
import static io.custodian.e2e.LossReports.CTO;
import static io.custodian.e2e.LossReports.LEADERSHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMTP server down for a few seconds, shorter than the worker's retry window: loss reports are
 * still accepted, the worker keeps retrying, and once the server listens again on the same port
 * every alert arrives, none twice.
 */
class SmtpOutageTest {

    private static final int REPORTS = 10;
    private static final Duration OUTAGE = Duration.ofSeconds(4);

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
    void shouldDeliverEveryAlertOnceWhenSmtpIsBackWithinTheRetryWindow() {
        assertThat(OUTAGE).isLessThan(Custodian.WORKER_RETRY_WINDOW);
        List<String> tags =
                IntStream.range(0, REPORTS).mapToObj(i -> LossReports.newTag()).toList();
        tags.forEach(reports::createLaptop);
        long logMark = workerLogSize();

        custodian.mail.stop();
        Instant down = Instant.now();
        tags.forEach(reports::reportStolen); // each 201

        // the worker did try while the server was down (and kept trying: the events in flight,
        // one per partition, are retried; the ones behind them wait in Kafka)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> loggedSince(logMark, "email is failing") == 1);
        long left = OUTAGE.minus(Duration.between(down, Instant.now())).toMillis();
        if (left > 0) {
            Custodian.sleep(left); // the outage lasts as long as it lasts
        }
        assertThat(reports.alerted(CEO, tags)).isZero();
        assertThat(reports.alerted(CTO, tags)).isZero();

        custodian.mail.start();
        Instant up = Instant.now();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () ->
                                reports.alerted(CEO, tags) == REPORTS
                                        && reports.alerted(CTO, tags) == REPORTS);
        Instant allAlerted = Instant.now();
        // none twice, now or a little later
        int mails = mailsAbout(tags);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailsAbout(tags) == mails);
        for (String tag : tags) {
            for (String to : LEADERSHIP) {
                assertThat(reports.alerts(to, tag)).as("alerts to %s about %s", to, tag).hasSize(1);
            }
        }
        // the outage is logged once when it starts and once when it ends, not once per alert
        assertThat(loggedSince(logMark, "email is failing")).isEqualTo(1);
        assertThat(loggedSince(logMark, "email is back after")).isEqualTo(1);
        assertThat(loggedSince(logMark, "failed, will retry")).isEqualTo(1);

        System.out.printf(
                "SMTP down %d ms: %d reports accepted meanwhile, %d failed attempt logged; all"
                        + " %d alerted to CEO and CTO, each once, %d ms after SMTP was back%n",
                Duration.between(down, up).toMillis(),
                REPORTS,
                loggedSince(logMark, "failed, will retry"),
                REPORTS,
                Duration.between(up, allAlerted).toMillis());
    }

    private static int mailsAbout(List<String> tags) {
        return tags.stream()
                .mapToInt(
                        tag ->
                                LEADERSHIP.stream()
                                        .mapToInt(to -> reports.alerts(to, tag).size())
                                        .sum())
                .sum();
    }

    private static long workerLogSize() {
        try {
            return Files.size(custodian.workerLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worker's log lines written after {@code mark} that contain {@code text}. */
    private static long loggedSince(long mark, String text) {
        try {
            byte[] log = Files.readAllBytes(custodian.workerLog());
            String since =
                    new String(
                            log,
                            (int) Math.min(mark, log.length),
                            (int) Math.max(0, log.length - mark),
                            StandardCharsets.UTF_8);
            return since.lines().filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
