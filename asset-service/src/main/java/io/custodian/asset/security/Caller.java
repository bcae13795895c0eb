package io.custodian.asset.security;

import io.custodian.api.identity.TokenRules;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token only — never from the request body. The one place that
 * answers "may this caller see everything, or only their own objects?". Named {@code caller} for
 * the console's templates ({@code inject:caller.readsEverything}), which show each role its pages.
 */
@RequestScoped
@Named("caller")
public class Caller {

    private final SecurityIdentity identity;

    /**
     * The token is the identity's principal: the bearer JWT on the API, the ID token of a console
     * session (quarkus-oidc's code flow). Read from the identity rather than injected: with two JWT
     * extensions present, an injected {@code JsonWebToken} is quarkus-oidc's, which does not see
     * smallrye-jwt's bearer tokens.
     */
    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The identity attribute with the e-mail of the person the token was bound to ({@link
     * CallerPeople}): the recorded person's address, which wins over the token's e-mail claim.
     */
    static final String BOUND_EMAIL = "custodian.bound-email";

    /**
     * The caller's e-mail: the person's the token is bound to ({@link CallerPeople}); else the
     * {@code email} claim, else {@code upn} ({@link TokenRules#email}), lower-case; for a machine
     * client's token that names neither, its principal name.
     */
    public String email() {
        if (identity.getAttribute(BOUND_EMAIL) instanceof String bound) {
            return bound;
        }
        String email =
                identity.getPrincipal() instanceof JsonWebToken token
                        ? TokenRules.email(token::getClaim)
                        : null;
        return email == null ? identity.getPrincipal().getName() : email;
    }

    /** Whether someone signed in (the console's layout shows who). */
    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * Whether the caller has assets of their own to see and report (employees, admins, leadership:
     * the roles of {@code GET /api/v1/me/assets} and {@code POST /api/v1/incidents}).
     */
    public boolean hasOwnAssets() {
        return hasRole(Roles.EMPLOYEE) || hasRole(Roles.ASSET_ADMIN) || hasRole(Roles.LEADERSHIP);
    }

    /** Admins, leadership and auditors read every object; everyone else only their own. */
    public boolean readsEverything() {
        return hasRole(Roles.ASSET_ADMIN) || hasRole(Roles.LEADERSHIP) || hasRole(Roles.AUDITOR);
    }

    /**
     * Only admins act on any asset (report it lost, attest it); everyone else, leadership included,
     * only on assets they hold or own: the brief gives leadership reading, decisions and incident
     * handling, not inventory changes.
     */
    public boolean actsOnAnyAsset() {
        return hasRole(Roles.ASSET_ADMIN);
    }
}
