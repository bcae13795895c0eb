package io.custodian.asset.web;

import java.util.function.Supplier;

/**
 * A status machine: the enum of a record's statuses says which steps are legal, and the record's
 * feature checks each step with {@link #require} before it takes it, refusing an illegal one with
 * its own answer (a 409 that says why, in the feature's words).
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** Whether a record in this status may take the step to {@code next}. */
    boolean canBecome(S next);

    /** Nothing, when {@code current} may become {@code next}; else {@code refusal}'s problem. */
    static <S extends Enum<S> & Lifecycle<S>> void require(
            S current, S next, Supplier<? extends RuntimeException> refusal) {
        if (!current.canBecome(next)) {
            throw refusal.get();
        }
    }
}
