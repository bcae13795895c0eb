package io.custodian.api.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a bearer token must say, beyond its signature, issuer, audience, expiry and age (which the
 * JWT library checks from configuration), before either service takes it as a person's: the rules
 * of the {@code bearerAuth} security scheme of both contracts, in one place for both services.
 *
 * <ul>
 *   <li>it was issued ({@code iat}) no later than now plus the clock leeway: a token dated in the
 *       future would outlive its configured maximum age;
 *   <li>the identity it names is the one the identity provider vouches for: the caller is the
 *       {@code email} claim (else {@code upn}), and a token whose {@code email_verified} is {@code
 *       false} names an address nobody proved, so it is refused.
 * </ul>
 */
public final class TokenRules {

    private TokenRules() {}

    /**
     * Why the token with these claims is refused, or empty when it is not.
     *
     * @param claim a claim's value by name (null when absent), as the JWT library decoded it
     */
    public static Optional<String> refusal(
            Function<String, Object> claim, Instant now, Duration leeway) {
        Object iat = claim.apply("iat");
        if (!(iat instanceof Number issued)) {
            return Optional.of("the token has no iat");
        }
        if (Instant.ofEpochSecond(issued.longValue()).isAfter(now.plus(leeway))) {
            return Optional.of("the token's iat is in the future");
        }
        String email = email(claim);
        if (email != null && email.chars().anyMatch(c -> Character.isISOControl(c) || c == ' ')) {
            return Optional.of("the token's e-mail claim is not an address");
        }
        Object verified = claim.apply("email_verified");
        if (verified != null && "false".equals(text(verified).toLowerCase(Locale.ROOT))) {
            return Optional.of("the token's e-mail address is not verified (email_verified=false)");
        }
        return Optional.empty();
    }

    /** A claim as text: a JSON string's value without its quotes, else the value as written. */
    private static String text(Object value) {
        String text = String.valueOf(value);
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }

    /**
     * The identity provider's subject: the named claim ({@code sub}, or e.g. Entra ID's {@code
     * oid}) as the provider wrote it (case kept); null when the token has none.
     */
    public static String subject(Function<String, Object> claim, String name) {
        Object value = claim.apply(name);
        return value == null || text(value).isBlank() ? null : text(value);
    }

    /**
     * The caller's identity: the {@code email} claim, else {@code upn}; lower-case; null when the
     * token names neither. Never {@code sub}: an identity provider's subject is an opaque id, not
     * an address a person record can be found by.
     */
    public static String email(Function<String, Object> claim) {
        for (String name : new String[] {"email", "upn"}) {
            Object value = claim.apply(name);
            if (value != null && !text(value).isBlank()) {
                return text(value).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
