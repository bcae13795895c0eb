package io.custodian.asset.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.ownership.PersonStatuses;
import io.custodian.asset.web.Problem;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A person whose record says {@code departed} keeps no role, whatever their still-valid token
 * claims: every role-protected endpoint then answers 403, saying why ({@link
 * Problem#FORBIDDEN_DETAIL}). The one place this is decided. The status is read by the token's
 * e-mail (as {@link Caller#email()} reads it) through the ownership feature's {@link
 * PersonStatuses}, reused for {@code custodian.security.person-status-cache}. Machine clients (the
 * HR system, an identity provider) have no person record and are unaffected.
 */
@ApplicationScoped
public class DepartedPeople implements SecurityIdentityAugmentor {

    private final PersonStatuses people;
    private final Cache<String, Optional<Person.Status>> statuses;

    DepartedPeople(PersonStatuses people, SecurityConfig config) {
        this.people = people;
        this.statuses =
                config.personStatusCache().isZero()
                        ? null
                        : Caffeine.newBuilder()
                                .expireAfterWrite(config.personStatusCache())
                                .maximumSize(100_000)
                                .build();
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || identity.getRoles().isEmpty()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String email = Caller.emailOf(token);
        if (email == null) {
            return Uni.createFrom().item(identity);
        }
        Optional<Person.Status> cached = statuses == null ? null : statuses.getIfPresent(email);
        if (cached != null) {
            return Uni.createFrom().item(apply(identity, cached));
        }
        return context.runBlocking(
                () -> {
                    Optional<Person.Status> status = people.of(email);
                    if (statuses != null) {
                        statuses.put(email, status);
                    }
                    return apply(identity, status);
                });
    }

    private static SecurityIdentity apply(
            SecurityIdentity identity, Optional<Person.Status> status) {
        if (status.isEmpty() || status.get() != Person.Status.DEPARTED) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(
                        Problem.FORBIDDEN_DETAIL,
                        "Your person record is departed: this account may no longer use"
                                + " Custodian.")
                .setAnonymous(false)
                .build();
    }
}
