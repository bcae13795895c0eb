package io.custodian.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration LEEWAY = Duration.ofSeconds(60);

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iat", NOW.getEpochSecond());
        claims.put("email", "CEO@example.com");
        claims.put("email_verified", true);
        return claims;
    }

    @Test
    void shouldAcceptATokenIssuedNowForAVerifiedAddress() {
        assertThat(TokenRules.refusal(claims()::get, NOW, LEEWAY)).isEmpty();
        assertThat(TokenRules.email(claims()::get)).isEqualTo("ceo@example.com");
    }

    @Test
    void shouldRefuseAnUnverifiedAddressAsBooleanOrString() {
        Map<String, Object> claims = claims();
        claims.put("email_verified", false);
        assertThat(TokenRules.refusal(claims::get, NOW, LEEWAY))
                .get()
                .asString()
                .contains("email_verified");
        claims.put("email_verified", "FALSE");
        assertThat(TokenRules.refusal(claims::get, NOW, LEEWAY)).isPresent();
        claims.remove("email_verified");
        assertThat(TokenRules.refusal(claims::get, NOW, LEEWAY)).isEmpty();
    }

    @Test
    void shouldRefuseATokenIssuedInTheFutureBeyondTheLeeway() {
        Map<String, Object> claims = claims();
        claims.put("iat", NOW.plusSeconds(59).getEpochSecond());
        assertThat(TokenRules.refusal(claims::get, NOW, LEEWAY)).isEmpty();
        claims.put("iat", NOW.plusSeconds(61).getEpochSecond());
        assertThat(TokenRules.refusal(claims::get, NOW, LEEWAY))
                .get()
                .asString()
                .contains("future");
        claims.remove("iat");
        assertThat(TokenRules.refusal(claims::get, NOW, LEEWAY))
                .get()
                .asString()
                .contains("no iat");
    }

    @Test
    void shouldRefuseAnEmailClaimThatIsNoAddress() {
        Map<String, Object> claims = claims();
        claims.put("email", "mallory@example.com\r\nFORGED log line");
        assertThat(TokenRules.refusal(claims::get, NOW, LEEWAY))
                .get()
                .asString()
                .contains("not an address");
        claims.put("email", "a b@example.com");
        assertThat(TokenRules.refusal(claims::get, NOW, LEEWAY)).isPresent();
    }

    @Test
    void shouldNameTheCallerByEmailThenUpnButNeverBySubject() {
        assertThat(TokenRules.email(Map.<String, Object>of("upn", "a@example.com")::get))
                .isEqualTo("a@example.com");
        assertThat(TokenRules.email(Map.<String, Object>of("sub", "ceo@example.com")::get))
                .isNull();
    }
}
