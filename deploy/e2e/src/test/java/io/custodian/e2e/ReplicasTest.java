package io.custodian.e2e;

import static io.custodian.e2e.LossReports.CEO;
import static io.custodian.e2e.LossReports.CTO;
import static io.custodian.e2e.LossReports.LEADERSHIP;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.custodian.e2e.Custodian.AssetServiceOptions;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas of each service on one database and one broker, as a Kubernetes deployment runs
 * them, with one replica of each killed (SIGKILL) mid-stream and started again, and restarted one
 * replica at a time (SIGTERM) as a rolling update does: every loss report reaches the CEO and the
 * CTO once (a repeat only inside the documented window, with the same Message-ID), every outbox row
 * is published, the daily escalation job (every two seconds here, on both replicas) escalates an
 * overdue off-boarding once, and an import whose replica was killed mid-way finishes on the other
 * with nothing written twice.
 */
class ReplicasTest {

    private static final int REPORTS = 500;
    private static final Duration PACE = Duration.ofMillis(40);
    private static final Pattern UUID_IN =
            Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private static Custodian custodian;
    private static LossReports reports;
    private static Leavers leavers;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM =
            context -> {
                custodian =
                        Custodian.get(
                                context,
                                AssetServiceOptions.DEFAULT.withEnv(
                                        "CUSTODIAN_OFFBOARDING_ESCALATION_CRON", "*/2 * * * * ?"));
                reports = new LossReports(custodian);
                leavers = new Leavers(custodian);
                custodian.startReplicas();
            };

    @AfterAll
    static void oneOfEachAgain() {
        custodian.stopReplicas();
        custodian.start("asset-service");
        custodian.start("notification-worker");
    }

    @Test
    void shouldAlertEveryReportOnceWithOneReplicaOfEachKilledMidStream() {
        alertEveryReportOnceWhile(
                "one of each killed (SIGKILL) and started again",
                REPORTS,
                PACE,
                3,
                () -> {
                    custodian.kill("asset-service-2");
                    custodian.kill("notification-worker-2");
                    custodian.start("asset-service-2");
                    custodian.start("notification-worker-2");
                });
    }

    @Test
    void shouldAlertEveryReportOnceThroughARollingRestartOfEachService() {
        alertEveryReportOnceWhile(
                "a rolling restart (SIGTERM, one replica at a time)",
                240,
                Duration.ofMillis(300),
                6,
                () -> {
                    for (String replica :
                            List.of(
                                    "asset-service-2",
                                    "asset-service",
                                    "notification-worker-2",
                                    "notification-worker")) {
                        custodian.terminate(replica);
                        custodian.start(replica);
                    }
                });
    }

    /**
     * {@code count} loss reports from two clients, one per asset-service replica, each at {@code
     * pace}; once a {@code 1/at} of them reached the CEO, {@code disruption} runs. Then: every
     * report was taken (a client retries on the other replica what its replica did not answer),
     * every alert reached the CEO and the CTO, each (incident, recipient) under one Message-ID (a
     * repeat is the at-least-once window: a mail the SMTP server accepted after the worker's
     * attempt timed out, or before a kill let the worker record it), and no outbox row is left.
     */
    private static void alertEveryReportOnceWhile(
            String what, int count, Duration pace, int at, Runnable disruption) {
        List<String> tags = IntStream.range(0, count).mapToObj(i -> LossReports.newTag()).toList();
        tags.forEach(reports::createLaptop);
        List<String> apis =
                List.of(
                        custodian.instance("asset-service").api(),
                        custodian.instance("asset-service-2").api());

        Map<String, String> incidents = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService reporter = Executors.newFixedThreadPool(2);
        Instant disruptedAt;
        Instant backAt;
        long alertedAtDisruption;
        try {
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int client = c;
                clients.add(
                        CompletableFuture.runAsync(
                                () -> report(tags, client, pace, apis, incidents, retried),
                                reporter));
            }
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> reports.alerted(CEO, tags) >= count / at);
            disruptedAt = Instant.now();
            alertedAtDisruption = reports.alerted(CEO, tags);
            disruption.run();
            backAt = Instant.now();
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
        } finally {
            reporter.shutdownNow();
        }
        assertThat(incidents).hasSize(count);
        assertThat(alertedAtDisruption).isLessThan(count);

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                reports.alerted(CEO, tags) == count
                                        && reports.alerted(CTO, tags) == count);
        Instant allAlertedAt = Instant.now();
        int mails = total(mailsPerAlert(tags));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(15))
                .until(() -> total(mailsPerAlert(tags)) == mails);

        int repeats = 0;
        Set<String> messageIds = new HashSet<>();
        for (String tag : tags) {
            for (String recipient : LEADERSHIP) {
                List<String> ids =
                        reports.alerts(recipient, tag).stream()
                                .map(LossReports::messageId)
                                .toList();
                assertThat(Set.copyOf(ids))
                        .as("Message-IDs of the alerts to %s about %s", recipient, tag)
                        .hasSize(1);
                messageIds.add(ids.get(0));
                repeats += ids.size() - 1;
            }
        }
        assertThat(messageIds).hasSize(count * LEADERSHIP.size());
        await().atMost(Duration.ofSeconds(15)).until(() -> unpublishedOutboxRows() == 0);

        System.out.printf(
                "replicas, %s: %d reports from two clients over two asset-service and two worker"
                        + " replicas; %d of them alerted when it began; %d reports retried on the"
                        + " other replica; it took %d ms; all alerted to CEO and CTO %d ms after it"
                        + " began; repeats (same Message-ID): %d; outbox rows unpublished: 0%n",
                what,
                count,
                alertedAtDisruption,
                retried.get(),
                Duration.between(disruptedAt, backAt).toMillis(),
                Duration.between(disruptedAt, allAlertedAt).toMillis(),
                repeats);
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void shouldEscalateAnOverdueReturnOnceWhileBothReplicasRunTheJob() throws Exception {
        Leavers.Person manager = leavers.person("Manager", null);
        Leavers.Person leaver = leavers.person("Leaver", manager);
        String tag = Leavers.unique("RP");
        String laptop = leavers.asset(tag, "MacBook Pro 14", "laptop", "person", manager.id());
        leavers.hold(laptop, leaver);
        String id =
                leavers.startOffboarding(
                                leaver, LocalDate.now(ZoneOffset.UTC).minusDays(10).toString())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        try (KafkaConsumer<String, String> consumer = Events.consumer(custodian)) {
            // each replica's trigger fires every two seconds: ten turns in 20 s, one escalation
            List<ConsumerRecord<String, String>> events =
                    Events.keyed(
                            consumer, id, "offboarding.return-overdue", Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            // and none after it, however many turns come
            assertThat(
                            Events.keyed(
                                    consumer,
                                    id,
                                    "offboarding.return-overdue",
                                    Duration.ofSeconds(6)))
                    .isEmpty();
        }
    }

    @Test
    void shouldFinishAnImportOnTheOtherReplicaWhenItsReplicaIsKilledMidWay() {
        String marker = Leavers.unique("RI");
        String team =
                admin(custodian.instance("asset-service").api())
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "name",
                                        "Replica team " + marker,
                                        "contactEmail",
                                        "replica-" + marker.toLowerCase() + "@example.com"))
                        .post("/api/v1/groups")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        int rows = 60_000;
        StringBuilder csv =
                new StringBuilder("assetTag,name,category,classification,owner,ownerType\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(
                    String.format(
                            "RI-%s-%06d,Monitor %d,other,internal,Replica team %s,group%n",
                            marker, i, i, marker));
        }
        String replica = custodian.instance("asset-service-2").api();
        String job =
                admin(replica)
                        .contentType("text/csv")
                        .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/imports")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");
        String first = custodian.instance("asset-service").api();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> "running".equals(state(first, job)));
        custodian.kill("asset-service-2");
        Instant killedAt = Instant.now();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Set.of("queued", "running").contains(state(first, job)));
        Duration finishedAfter = Duration.between(killedAt, Instant.now());
        custodian.start("asset-service-2");

        admin(first)
                .get("/api/v1/imports/" + job)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("completed"))
                .body("rowsImported.created", org.hamcrest.Matchers.equalTo(rows));
        assertThat(
                        count(
                                "select count(*) from asset where asset_tag like ?",
                                "RI-" + marker + "-%"))
                .isEqualTo(rows);
        assertThat(team).isNotBlank();
        System.out.printf(
                "replicas: an import of %d rows whose replica was killed while it ran finished on"
                        + " the other %d ms after the kill%n",
                rows, finishedAfter.toMillis());
    }

    // --- helpers ---

    /**
     * One client's share of the reports (every other tag), at a steady pace, to its replica; when
     * that replica does not answer, or breaks off, the same report goes to the other replica, which
     * either records it or says the open incident that the first one recorded (409).
     */
    private static void report(
            List<String> tags,
            int client,
            Duration pace,
            List<String> apis,
            Map<String, String> incidents,
            AtomicInteger retried) {
        long start = System.nanoTime();
        for (int i = client; i < tags.size(); i += 2) {
            long wait = start + (i / 2) * pace.toNanos() - System.nanoTime();
            if (wait > 0) {
                Custodian.sleep(Duration.ofNanos(wait).toMillis());
            }
            String tag = tags.get(i);
            String incident = null;
            for (int attempt = 0; incident == null; attempt++) {
                if (attempt > 0) {
                    retried.incrementAndGet();
                    Custodian.sleep(100);
                }
                incident = reportOnce(apis.get((client + attempt) % 2), tag);
                if (attempt > 50) {
                    throw new IllegalStateException("no replica took the report of " + tag);
                }
            }
            incidents.put(tag, incident);
        }
    }

    private static String reportOnce(String api, String tag) {
        Response answer;
        try {
            answer = reports.reportStolenAt(api, tag);
        } catch (Exception refused) { // RestAssured rethrows the client's IOException unchecked
            return null; // the replica is down or broke off: the client tries the other
        }
        if (answer.statusCode() == 201) {
            return answer.path("id");
        }
        if (answer.statusCode() == 409) {
            Matcher open = UUID_IN.matcher(answer.asString());
            if (open.find()) {
                return open.group();
            }
        }
        if (answer.statusCode() >= 500) {
            return null;
        }
        throw new AssertionError(
                "report of " + tag + ": " + answer.statusCode() + " " + answer.asString());
    }

    private static Map<String, Integer> mailsPerAlert(List<String> tags) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String recipient : LEADERSHIP) {
            List<String> subjects =
                    custodian.mail.messagesTo(recipient).stream().map(Mails::subject).toList();
            for (String tag : tags) {
                counts.put(
                        tag + " " + recipient,
                        (int) subjects.stream().filter(s -> s.contains(tag)).count());
            }
        }
        return counts;
    }

    private static String state(String api, String job) {
        return admin(api).get("/api/v1/imports/" + job).then().extract().path("state");
    }

    private static long unpublishedOutboxRows() {
        return count("select count(*) from outbox_event where published_at is null");
    }

    private static long count(String sql, Object... parameters) {
        try (Connection connection =
                        DriverManager.getConnection(
                                custodian.postgres.jdbcUrl("custodian_assets"),
                                "custodian",
                                "custodian");
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification admin(String api) {
        return given().baseUri(api).auth().oauth2(custodian.token("asset-admin", "it@example.com"));
    }
}
