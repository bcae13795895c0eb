package io.custodian.notification.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds the records in hand: {@link #acquire()} completes once fewer than the limit are, so the
 * consumer reads the next record only then (Kafka's own flow control does the rest); {@link
 * #release()} when a record is done.
 */
final class InFlight {

    private final int limit;
    private final Deque<UniEmitter<? super Void>> waiting = new ArrayDeque<>();
    private int used;

    InFlight(int limit) {
        this.limit = limit;
    }

    Uni<Void> acquire() {
        return Uni.createFrom()
                .emitter(
                        emitter -> {
                            boolean granted;
                            synchronized (this) {
                                granted = used < limit;
                                if (granted) {
                                    used++;
                                } else {
                                    waiting.add(emitter);
                                }
                            }
                            if (granted) {
                                emitter.complete(null);
                            }
                        });
    }

    void release() {
        UniEmitter<? super Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                used--;
            }
        }
        if (next != null) {
            next.complete(null);
        }
    }
}
