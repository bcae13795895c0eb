package io.custodian.asset.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.custodian.asset.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * The per-client limit of the {@link RateLimited} endpoints: a token bucket per client (the token's
 * e-mail, else the remote address) holding {@code limit} reports and refilled evenly over {@code
 * period}. Runs after authentication, so a refused or anonymous call costs no report. Buckets live
 * in memory, per instance: with N instances a client gets at most N times the limit.
 */
@Provider
@RateLimited
class ReportRateLimit implements ContainerRequestFilter {

    private final SecurityIdentity identity;
    private final Caller caller;
    private final CurrentVertxRequest request;
    private final Buckets buckets;

    ReportRateLimit(
            SecurityIdentity identity,
            Caller caller,
            CurrentVertxRequest request,
            Buckets buckets) {
        this.identity = identity;
        this.caller = caller;
        this.request = request;
        this.buckets = buckets;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        long wait = buckets.take(client(), System.nanoTime());
        if (wait > 0) {
            Duration retryAfter = Duration.ofNanos(wait);
            throw ProblemException.tooManyRequests(
                    "Too many reports from this client: at most "
                            + buckets.limit
                            + " per "
                            + buckets.period
                            + "; retry in "
                            + Math.max(1, (retryAfter.toMillis() + 999) / 1000)
                            + " s.",
                    retryAfter);
        }
    }

    private String client() {
        if (!identity.isAnonymous()) {
            return "user:" + caller.email();
        }
        var current = request.getCurrent();
        var address = current == null ? null : current.request().remoteAddress();
        return "ip:" + (address == null ? "unknown" : address.hostAddress());
    }

    /**
     * One bucket per client, kept while it is used. A bean of its own: the filter is built at
     * start-up, before the runtime configuration it reads.
     */
    @ApplicationScoped
    static class Buckets {
        final int limit;
        final Duration period;
        private final long nanosPerToken;
        private final Cache<String, TokenBucket> byClient;

        Buckets(SecurityConfig config) {
            this.limit = Math.max(1, config.reportRate().limit());
            this.period = config.reportRate().period();
            this.nanosPerToken = Math.max(1, period.toNanos() / limit);
            this.byClient =
                    Caffeine.newBuilder().expireAfterAccess(period).maximumSize(100_000).build();
        }

        long take(String client, long now) {
            return byClient.get(client, k -> new TokenBucket(limit, nanosPerToken)).take(now);
        }
    }

    /** {@code capacity} tokens, one more every {@code nanosPerToken}. */
    static final class TokenBucket {
        private final long capacity;
        private final long nanosPerToken;
        private long available;
        private long refilledAt;

        TokenBucket(long capacity, long nanosPerToken) {
            this.capacity = capacity;
            this.nanosPerToken = nanosPerToken;
            this.available = capacity;
            this.refilledAt = System.nanoTime();
        }

        /** Takes a token: 0 when one was there, else the nanoseconds until the next one. */
        synchronized long take(long now) {
            long earned = (now - refilledAt) / nanosPerToken;
            if (earned > 0) {
                available = Math.min(capacity, available + earned);
                refilledAt = available == capacity ? now : refilledAt + earned * nanosPerToken;
            }
            if (available > 0) {
                available--;
                return 0;
            }
            return nanosPerToken - (now - refilledAt);
        }
    }
}
