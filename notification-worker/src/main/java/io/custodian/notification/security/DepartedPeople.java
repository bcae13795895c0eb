package io.custodian.notification.security;

import io.custodian.api.identity.IdentityClaim;
import io.custodian.api.identity.TokenRules;
import io.custodian.notification.NotificationConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A departed person keeps no role in the worker either, whatever their still-valid token claims:
 * the delivery log then answers 403, as asset-service does. The caller is the token's e-mail
 * ({@link TokenRules#email}), or with {@code custodian.security.identity=subject} the identity
 * provider's subject ({@link TokenRules#subject}) that the off-boarding events carry; looked up on
 * every request (the delivery log is read by people, seldom).
 */
@ApplicationScoped
class DepartedPeople implements SecurityIdentityAugmentor {

    private final Departures departures;
    private final NotificationConfig.Security config;

    DepartedPeople(Departures departures, NotificationConfig config) {
        this.departures = departures;
        this.config = config.security();
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || identity.getRoles().isEmpty()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (config.identity() == IdentityClaim.SUBJECT) {
            String subject = TokenRules.subject(token::getClaim, config.subjectClaim());
            return subject == null
                    ? Uni.createFrom().item(identity)
                    : context.runBlocking(
                            () -> apply(identity, departures.departedSubject(subject)));
        }
        String email = TokenRules.email(token::getClaim);
        if (email == null) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> apply(identity, departures.departed(email)));
    }

    private static SecurityIdentity apply(SecurityIdentity identity, boolean departed) {
        if (!departed) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .setAnonymous(false)
                .build();
    }
}
