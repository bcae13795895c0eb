package io.custodian.notification.events;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One lane per Kafka key: work submitted for a key starts once the work submitted before it for the
 * same key has ended (however it ended); work of different keys runs side by side. So the records
 * of one partition are handled in parallel across keys while one asset's events keep their order. A
 * lane holds no memory once its last work has ended.
 */
final class KeyLanes {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails =
            new ConcurrentHashMap<>();

    void submit(String key, Supplier<Uni<Void>> work) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> before = tails.put(key, mine);
        Runnable start =
                () ->
                        Uni.createFrom()
                                .deferred(work::get)
                                .subscribe()
                                .with(ok -> end(key, mine), failure -> end(key, mine));
        if (before == null) {
            start.run();
        } else {
            before.whenComplete((ignored, failure) -> start.run());
        }
    }

    private void end(String key, CompletableFuture<Void> mine) {
        tails.remove(key, mine);
        mine.complete(null);
    }
}
