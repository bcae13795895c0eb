package io.custodian.asset.outbox;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.custodian.asset.jobs.OtherReplica;
import io.custodian.local.KafkaBroker;
import io.custodian.local.testing.InjectKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    @InjectKafkaBroker KafkaBroker broker;

    @AfterEach
    void brokerBack() {
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    @Test
    void shouldAcceptAReportWhileTheBrokerIsDownAndPublishItWhenTheBrokerIsBack() {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        broker.stop();

        asAdmin()
                .body(
                        Map.of(
                                "assetTag",
                                tag,
                                "kind",
                                "lost",
                                "occurredAt",
                                TestClock.now().toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);

        // stored, not published: the relay tried and could not reach the broker
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(asset) > 0);
        assertThat(unpublished(asset)).isEqualTo(1);

        broker.start();
        java.time.Instant back = java.time.Instant.now();

        try (EventTap tap = new EventTap()) {
            await().atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> unpublished(asset) == 0);
            Duration after = Duration.between(back, java.time.Instant.now());
            System.out.printf(
                    "broker back: the report's event published %d ms later%n", after.toMillis());
            // found within the client's reconnection backoff (0.5 s), not after seconds of it
            assertThat(after).isLessThan(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(40)).until(() -> !tap.withKey(asset).isEmpty());
            await().atMost(Duration.ofSeconds(5)).until(() -> unpublished(asset) == 0);
            // at least once: a send that outlived the outage may repeat, but it is the same event
            assertThat(tap.withKey(asset))
                    .extracting(event -> event.header("ce_id"))
                    .containsOnly(tap.withKey(asset).get(0).header("ce_id"));
            assertThat(tap.withKey(asset).get(0).header("ce_type"))
                    .isEqualTo("asset.incident.reported");
        }
    }

    @Test
    void shouldLeaveTheRowsToTheReplicaRelayingAndPublishThemOnceWhenItDies() throws Exception {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        try (EventTap tap = new EventTap();
                OtherReplica relaying = OtherReplica.running("outbox-relay")) {
            asAdmin()
                    .body(
                            Map.of(
                                    "assetTag",
                                    tag,
                                    "kind",
                                    "stolen",
                                    "occurredAt",
                                    TestClock.now().toString()))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);

            // this replica's relay waits for the round under way elsewhere: nothing leaves twice
            Thread.sleep(1500);
            assertThat(unpublished(asset)).isEqualTo(1);
            assertThat(tap.withKey(asset)).isEmpty();

            relaying.dies();

            await().atMost(Duration.ofSeconds(5)).until(() -> unpublished(asset) == 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> !tap.withKey(asset).isEmpty());
            Thread.sleep(500);
            assertThat(tap.withKey(asset))
                    .extracting(event -> event.header("ce_type"))
                    .containsExactly("asset.incident.reported");
        }
    }

    private static long unpublished(String asset) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("aggregateId = ?1 and publishedAt is null", asset));
    }

    private static int attempts(String asset) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                OutboxEvent.<OutboxEvent>find("aggregateId", asset)
                                        .firstResult()
                                        .attempts);
    }
}
