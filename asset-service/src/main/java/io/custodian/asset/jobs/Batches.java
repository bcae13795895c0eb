package io.custodian.asset.jobs;

import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/** A scheduled job's work, done batch after batch until a batch comes back short. */
public final class Batches {

    private Batches() {}

    /**
     * Runs {@code batch} (one transaction, returning how many items it handled) while it handles a
     * full {@code size}; logs the total with {@code done} (a format with one {@code %d}) when there
     * was any.
     *
     * @return how many items all batches handled
     */
    public static int drain(IntSupplier batch, int size, Logger log, String done) {
        int total = 0;
        int handled;
        do {
            handled = batch.getAsInt();
            total += handled;
        } while (handled == size);
        if (total > 0) {
            log.infof(done, total);
        }
        return total;
    }
}
