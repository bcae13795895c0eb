package io.custodian.asset.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.custodian.api.identity.IdentityClaim;
import io.custodian.api.identity.TokenRules;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.ownership.PersonStatuses;
import io.custodian.asset.web.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which person a token acts for, and whether they may act at all; the one place both are decided,
 * right after {@link TrustedTokens}.
 *
 * <ul>
 *   <li><b>Identity</b> ({@code custodian.security.identity}): {@code email} — the token's e-mail
 *       claim ({@link TokenRules#email}), which {@link TrustedTokens} has checked is not
 *       unverified; or {@code subject} — the person whose recorded subject (set by the HR sync or
 *       SCIM) the token carries in {@code custodian.security.subject-claim}. Then the caller's
 *       e-mail is that person's ({@link Caller#BOUND_EMAIL}), whatever the e-mail claim says, and a
 *       token that names an e-mail but whose subject is recorded for nobody is refused (401). A
 *       machine client's token names no e-mail and passes as before.
 *   <li><b>Departed people</b> keep no role, whatever their still-valid token claims: every
 *       role-protected endpoint answers 403, saying why ({@link Problem#FORBIDDEN_DETAIL}).
 * </ul>
 *
 * The person is read through the ownership feature's {@link PersonStatuses}, reused for {@code
 * custodian.security.person-status-cache}. Machine clients (the HR system, an identity provider)
 * have no person record and are unaffected.
 */
@ApplicationScoped
public class CallerPeople implements SecurityIdentityAugmentor {

    private final PersonStatuses people;
    private final IdentityClaim binding;
    private final String subjectClaim;
    private final Cache<String, Optional<PersonStatuses.Found>> found;

    CallerPeople(PersonStatuses people, SecurityConfig config) {
        this.people = people;
        this.binding = config.identity();
        this.subjectClaim = config.subjectClaim();
        this.found =
                config.personStatusCache().isZero()
                        ? null
                        : Caffeine.newBuilder()
                                .expireAfterWrite(config.personStatusCache())
                                .maximumSize(100_000)
                                .build();
    }

    @Override
    public int priority() {
        return 50; // after TrustedTokens (100), before the role checks
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || identity.getRoles().isEmpty()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String email = TokenRules.email(token::getClaim);
        String key;
        if (binding == IdentityClaim.SUBJECT) {
            key = TokenRules.subject(token::getClaim, subjectClaim);
        } else {
            key = email;
        }
        if (key == null) {
            return Uni.createFrom().item(() -> bind(identity, email, Optional.empty()));
        }
        Optional<PersonStatuses.Found> cached = found == null ? null : found.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(() -> bind(identity, email, cached));
        }
        return context.runBlocking(
                () -> {
                    Optional<PersonStatuses.Found> person =
                            binding == IdentityClaim.SUBJECT
                                    ? people.bySubject(key)
                                    : people.byEmail(key);
                    if (found != null) {
                        found.put(key, person);
                    }
                    return bind(identity, email, person);
                });
    }

    /**
     * The identity bound to its person, with no role when they departed; fails when the binding is
     * by subject, the token names an e-mail, and the subject is recorded for nobody.
     */
    private SecurityIdentity bind(
            SecurityIdentity identity, String email, Optional<PersonStatuses.Found> person) {
        if (person.isEmpty()) {
            if (binding == IdentityClaim.SUBJECT && email != null) {
                throw new AuthenticationFailedException(
                        "the token's subject is recorded for no person");
            }
            return identity;
        }
        String bound = person.get().email();
        if (person.get().status() != Person.Status.DEPARTED) {
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(Caller.BOUND_EMAIL, bound)
                    .build();
        }
        // departed: the same principal, no role at all
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(Caller.BOUND_EMAIL, bound)
                .addAttribute(
                        Problem.FORBIDDEN_DETAIL,
                        "Your person record is departed: this account may no longer use"
                                + " Custodian.")
                .setAnonymous(false)
                .build();
    }
}
