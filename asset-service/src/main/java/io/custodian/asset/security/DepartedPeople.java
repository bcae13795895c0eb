package io.custodian.asset.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A person whose record says {@code departed} keeps no role, whatever their still-valid token
 * claims: every role-protected endpoint then answers 403 (see {@link #DEPARTED}). The one place
 * this is decided. The status is read by the token's e-mail (as {@link Caller#email()} reads it)
 * with one indexed query, reused for {@code custodian.security.person-status-cache}. Machine
 * clients (the HR system, an identity provider) have no person record and are unaffected.
 */
@ApplicationScoped
public class DepartedPeople implements SecurityIdentityAugmentor {

    /** Identity attribute set on a departed caller's identity, whose roles were removed. */
    static final String DEPARTED = "custodian.departed";

    private static final String QUERY = "select status from person where email = ?";

    private final AgroalDataSource dataSource;
    private final Cache<String, Optional<String>> statuses;

    DepartedPeople(AgroalDataSource dataSource, SecurityConfig config) {
        this.dataSource = dataSource;
        this.statuses =
                config.personStatusCache().isZero()
                        ? null
                        : Caffeine.newBuilder()
                                .expireAfterWrite(config.personStatusCache())
                                .maximumSize(100_000)
                                .build();
    }

    /** Whether this identity is a departed person's, stripped of its roles. */
    public static boolean isDeparted(SecurityIdentity identity) {
        return identity != null && Boolean.TRUE.equals(identity.getAttribute(DEPARTED));
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
        Optional<String> cached = statuses == null ? null : statuses.getIfPresent(email);
        if (cached != null) {
            return Uni.createFrom().item(apply(identity, cached));
        }
        return context.runBlocking(
                () -> {
                    Optional<String> status = read(email);
                    if (statuses != null) {
                        statuses.put(email, status);
                    }
                    return apply(identity, status);
                });
    }

    private static SecurityIdentity apply(SecurityIdentity identity, Optional<String> status) {
        if (status.isEmpty() || !"DEPARTED".equals(status.get())) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(DEPARTED, Boolean.TRUE)
                .setAnonymous(false)
                .build();
    }

    private Optional<String> read(String email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the caller's person status", e);
        }
    }
}
