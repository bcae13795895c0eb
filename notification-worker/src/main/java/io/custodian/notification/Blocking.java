package io.custodian.notification;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;

/** Blocking work (JDBC) as a {@link Uni} that runs it on a worker thread, never an event loop. */
public final class Blocking {

    private Blocking() {}

    public static <T> Uni<T> of(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public static Uni<Void> run(Runnable work) {
        return of(
                () -> {
                    work.run();
                    return null;
                });
    }
}
