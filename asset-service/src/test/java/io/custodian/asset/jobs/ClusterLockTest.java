package io.custodian.asset.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClusterLockTest {

    @Inject ClusterLock lock;

    @Test
    void shouldWaitForTheReplicaRunningTheWorkAndTakeOverWhenItDies() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (OtherReplica other = OtherReplica.running("test-work")) {
            CompletableFuture<Boolean> here =
                    CompletableFuture.supplyAsync(
                            () ->
                                    lock.runAlone(
                                            "test-work",
                                            Duration.ofSeconds(30),
                                            runs::incrementAndGet));
            Thread.sleep(800);
            assertThat(runs).as("not while the other replica runs it").hasValue(0);
            assertThat(here).isNotDone();

            other.dies();

            await().atMost(Duration.ofSeconds(10)).until(here::isDone);
            assertThat(here.get()).isTrue();
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void shouldNeverRunTheSameWorkTwiceAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runnable work =
                () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                };
        CompletableFuture<?>[] replicas = new CompletableFuture<?>[6];
        for (int i = 0; i < replicas.length; i++) {
            replicas[i] =
                    CompletableFuture.runAsync(
                            () -> lock.runAlone("test-exclusive", Duration.ofSeconds(30), work));
        }
        CompletableFuture.allOf(replicas).join();
        assertThat(most).hasValue(1);
    }

    @Test
    void shouldGiveUpWithoutRunningWhenTheWaitRunsOut() {
        AtomicInteger runs = new AtomicInteger();
        try (OtherReplica other = OtherReplica.running("test-slow")) {
            long start = System.nanoTime();
            boolean ran = lock.runAlone("test-slow", Duration.ofMillis(300), runs::incrementAndGet);
            assertThat(ran).isFalse();
            assertThat(runs).hasValue(0);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
        }
        // released: the next turn runs
        assertThat(lock.runAlone("test-slow", Duration.ofSeconds(5), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(1);
    }
}
