package io.custodian.asset.security;

import io.custodian.api.identity.IdentityClaim;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Hardening knobs under {@code custodian.security}. */
@ConfigMapping(prefix = "custodian.security")
public interface SecurityConfig {

    /**
     * Which claim a token's identity is bound to: {@code email} (the e-mail claim, refused when the
     * provider says it is unverified) or {@code subject} (the person whose recorded subject the
     * token carries in {@link #subjectClaim()}; a token naming an e-mail with an unrecorded subject
     * is refused).
     */
    @WithDefault("email")
    IdentityClaim identity();

    /** The claim that carries the identity provider's subject: {@code sub}, or e.g. {@code oid}. */
    @WithDefault("sub")
    String subjectClaim();

    /**
     * Which identity-provider groups grant which Custodian role, as {@code group=role} entries
     * separated by commas ({@code "IT Admins=asset-admin, Executives=leadership"}); a group may be
     * listed again for another role. Unset: the groups claim names the roles themselves. Set: only
     * mapped groups grant roles ({@link io.custodian.api.identity.RoleMapping}).
     */
    Optional<String> roleMapping();

    /**
     * How long a caller's person status (the departed check) is reused before it is read again;
     * {@code PT0S} reads it on every request. A person who departs is refused at the latest this
     * long after the change.
     */
    @WithDefault("PT30S")
    Duration personStatusCache();

    /**
     * The largest request body on {@code /api} and {@code /scim} (JSON documents): 413 at once when
     * its {@code Content-Length} says more, and as soon as this many bytes were read of a body of
     * unknown length (chunked HTTP/1.1, HTTP/2), which is never read further.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * The longest request line (method, path and query), 414 beyond. Quarkus's own {@code
     * quarkus.http.limits.max-initial-line-length} is set higher, so that the answer is a problem.
     */
    @WithDefault("8K")
    MemorySize maxRequestLine();

    /**
     * The largest sum of the request's header lines, 431 beyond. Quarkus's own {@code
     * quarkus.http.limits.max-header-size} is set higher, so that the answer is a problem.
     */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /**
     * Path prefixes exempt from {@link #maxBodySize()} (bulk uploads such as CSV imports): only
     * Quarkus's own {@code quarkus.http.limits.max-body-size} applies to them.
     */
    @WithDefault("/api/v1/imports")
    List<String> largeBodyPaths();

    /** The per-client limit on the report endpoints (incidents, violations, exceptions). */
    ReportRate reportRate();

    interface ReportRate {
        /** Reports one client may send per {@link #period()} (also the burst). */
        @WithDefault("30")
        int limit();

        @WithDefault("PT1M")
        Duration period();
    }
}
