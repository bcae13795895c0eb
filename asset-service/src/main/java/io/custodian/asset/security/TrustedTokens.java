package io.custodian.asset.security;

import io.custodian.api.identity.RoleMapping;
import io.custodian.api.identity.TokenRules;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a correctly signed token that {@link TokenRules} does not trust: issued in the
 * future, or naming an e-mail address the identity provider says is not verified. Runs before every
 * other augmentor. Audience, expiry, maximum lifetime and age are the JWT library's checks ({@code
 * mp.jwt.verify.audiences}, {@code mp.jwt.verify.token.age}, {@code smallrye.jwt.time-to-live}). A
 * trusted token's groups then grant the roles {@link RoleMapping} maps them to ({@code
 * custodian.security.role-mapping}; without one, the groups are the roles), for the API's bearer
 * tokens and the console's sessions alike. A mapping that names no Custodian role stops the start.
 */
@ApplicationScoped
class TrustedTokens implements SecurityIdentityAugmentor {

    private final Clock clock;
    private final Duration leeway;
    private final RoleMapping roles;

    TrustedTokens(
            Clock clock,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int skew,
            SecurityConfig config) {
        this.clock = clock;
        this.leeway = Duration.ofSeconds(skew);
        this.roles = RoleMapping.parse(config.roleMapping().orElse(null));
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return TokenRules.refusal(token::getClaim, clock.instant(), leeway)
                .<Uni<SecurityIdentity>>map(
                        reason ->
                                Uni.createFrom().failure(new AuthenticationFailedException(reason)))
                .orElseGet(() -> Uni.createFrom().item(mapped(identity)));
    }

    private SecurityIdentity mapped(SecurityIdentity identity) {
        if (!roles.configured()) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles.roles(identity.getRoles()))
                .addPermissionChecker(identity::checkPermission)
                .build();
    }
}
