package io.custodian.asset.history;

import io.custodian.asset.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.function.Supplier;

/**
 * Who is changing the register right now: the signed-in caller's e-mail (from the token, as {@link
 * Caller} reads it), a name given explicitly with {@link #runAs}, or {@code system} when there is
 * no authenticated request (a scheduled job, a start-up task).
 */
public final class Actors {

    public static final String SYSTEM = "system";

    private static final ThreadLocal<String> EXPLICIT = new ThreadLocal<>();

    private Actors() {}

    /**
     * Run work on behalf of a named actor (a job, an integration) instead of the request's caller.
     */
    public static <T> T runAs(String actor, Supplier<T> work) {
        String previous = EXPLICIT.get();
        EXPLICIT.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    /** The actor for a revision being written on this thread. */
    static String current() {
        String explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity =
                container.instance(CurrentIdentityAssociation.class).get().getIdentity();
        if (identity == null || identity.isAnonymous()) {
            return SYSTEM;
        }
        String email = container.instance(Caller.class).get().email();
        return email == null || email.isBlank() ? SYSTEM : email;
    }
}
