package io.custodian.asset.compliance;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.custodian.asset.EventTap;
import io.custodian.asset.Sql;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A.6.8 from the worker's real delivery outcomes: each loss report's alert must reach the CEO and
 * the CTO within the SLA (5 minutes), as {@code notification.delivered} events on {@code
 * custodian.deliveries} say, here sent to the real broker as the worker sends them.
 */
@QuarkusTest
class EventReportingControlTest {

    private static final String AUDITOR = "auditor@example.com";

    @Inject TestClock clock;
    @Inject AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldFailUntilLeadershipGotTheAlertAndShowWhenTheyGotIt() throws Exception {
        String team = createGroup(unique("Loss team"));
        Report report = report(team);

        // within the SLA, nothing delivered yet: not failing
        JsonPath fresh = control(team);
        assertThat(fresh.getLong("population")).isEqualTo(1);
        assertThat(fresh.getString("status")).isEqualTo("passing");

        // the CEO's mail went out in 2 s, twice reported (a republish), the CTO's not yet
        delivered(report, "ceo", Duration.ofSeconds(2));
        delivered(report, "ceo", Duration.ofSeconds(2));
        awaitDeliveries(report, 1);
        clock.shift(Duration.ofMinutes(10));
        JsonPath held = control(team);
        assertThat(held.getString("status")).isEqualTo("failing");
        assertThat(held.getList("failingItems.id")).containsExactly(report.incident);
        assertThat(held.<String>getList("failingItems[0].reasons"))
                .containsExactly("cto not notified within 300 s");
        assertThat(held.getString("failingItems[0].link"))
                .isEqualTo("/api/v1/incidents/" + report.incident);

        // the CTO's mail arrives late, after 7 minutes: still failing, with the actual time
        delivered(report, "cto", Duration.ofMinutes(7));
        awaitDeliveries(report, 2);
        JsonPath late = control(team);
        assertThat(late.getString("status")).isEqualTo("failing");
        assertThat(late.<String>getList("failingItems[0].reasons")).hasSize(1);
        assertThat(late.getString("failingItems[0].reasons[0]"))
                .startsWith("cto notified 420 s after the report (")
                .contains("<" + report.event + ".cto@custodian.test>");
        assertThat(
                        Sql.count(
                                dataSource,
                                "select count(*) from alert_delivery where event_id = ?",
                                report.event))
                .isEqualTo(2);
    }

    @Test
    void shouldPassWhenBothWereToldInTimeWithTheDeliveriesAsEvidence() throws Exception {
        String team = createGroup(unique("Loss team"));
        Report report = report(team);
        delivered(report, "ceo", Duration.ofMillis(400));
        delivered(report, "cto", Duration.ofMillis(600));
        awaitDeliveries(report, 2);
        clock.shift(Duration.ofHours(1));

        JsonPath passing =
                as("auditor", AUDITOR)
                        .get("/api/v1/compliance/controls/A.6.8?group=" + team + "&sample=1&seed=s")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(passing.getString("status")).isEqualTo("passing");
        assertThat(passing.getString("rule"))
                .contains("ceo and cto were each notified within 5 minutes");
        List<Map<String, Object>> evidence = passing.getList("sample.items[0].evidence");
        assertThat(evidence)
                .extracting(e -> e.get("detail"))
                .anySatisfy(
                        d ->
                                assertThat((String) d)
                                        .contains(
                                                "email to ceo ceo@example.com, Message-ID <"
                                                        + report.event
                                                        + ".ceo@custodian.test>"));
    }

    @Test
    void shouldFailALateReportWhateverTheDeliveries() throws Exception {
        String team = createGroup(unique("Loss team"));
        Report report = report(team, TestClock.now().minus(3, ChronoUnit.DAYS));
        delivered(report, "ceo", Duration.ofSeconds(1));
        delivered(report, "cto", Duration.ofSeconds(1));
        awaitDeliveries(report, 2);

        JsonPath late = control(team);
        assertThat(late.getString("status")).isEqualTo("failing");
        assertThat(late.getString("failingItems[0].reasons[0]"))
                .endsWith("min after it happened (late)");
    }

    // --- helpers -------------------------------------------------------------------------------

    private record Report(String incident, String event, Instant reportedAt) {}

    private Report report(String team) throws Exception {
        return report(team, TestClock.now().minus(10, ChronoUnit.MINUTES));
    }

    private Report report(String team, Instant occurredAt) throws Exception {
        String email = unique("r") + "@example.com";
        String person = createPerson(email);
        asAdmin().put("/api/v1/groups/" + team + "/members/" + person).then().statusCode(200);
        String asset = createAsset(unique("LOSS"), "group", team);
        try (EventTap tap = new EventTap()) {
            JsonPath incident =
                    as("employee", email)
                            .body(
                                    Map.of(
                                            "assetId",
                                            asset,
                                            "kind",
                                            "stolen",
                                            "occurredAt",
                                            occurredAt.toString()))
                            .post("/api/v1/incidents")
                            .then()
                            .statusCode(201)
                            .extract()
                            .jsonPath();
            String event = tap.only(asset, "asset.incident.reported").header("ce_id");
            return new Report(
                    incident.getString("id"),
                    event,
                    Instant.parse(incident.getString("reportedAt")));
        }
    }

    /**
     * The worker's notification.delivered for this name's mail, accepted {@code after} the report.
     */
    private static void delivered(Report report, String name, Duration after) throws Exception {
        String body =
                """
                {"eventId":"%s","eventType":"asset.incident.reported","channel":"email",\
                "recipient":"%s@example.com","recipientName":"%s",\
                "messageId":"<%s.%s@custodian.test>","attempts":1,"deliveredAt":"%s"}\
                """
                        .formatted(
                                report.event,
                                name,
                                name,
                                report.event,
                                name,
                                report.reportedAt.plus(after));
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("custodian.deliveries", report.event, body)).get();
        }
    }

    private void awaitDeliveries(Report report, long count) {
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                Sql.count(
                                                dataSource,
                                                "select count(*) from alert_delivery where event_id"
                                                        + " = ?",
                                                report.event)
                                        == count);
    }

    private static JsonPath control(String team) {
        return as("auditor", AUDITOR)
                .get("/api/v1/compliance/controls/A.6.8?group=" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
