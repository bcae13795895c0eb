package io.custodian.asset.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.asset.Api;
import io.custodian.asset.TestClock;
import io.custodian.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A correctly signed token is a person's only when it was issued for Custodian, is at most a day
 * old and a day long, is not dated ahead, and names an address the identity provider verified.
 */
@QuarkusTest
class TrustedTokensTest {

    private static int status(String role, String email, Map<String, Object> changes) {
        String token = DevTokens.forTests().token(Set.of(role), email, changes);
        return Api.anonymous()
                .auth()
                .oauth2(token)
                .get("/api/v1/assets")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void shouldAcceptTheIdentityProvidersUsualToken() {
        assertThat(status("auditor", "auditor@example.com", Map.of())).isEqualTo(200);
        assertThat(
                        status(
                                "auditor",
                                "auditor@example.com",
                                Map.of("email_verified", DevTokens.ABSENT)))
                .as("a provider that does not say (email_verified absent)")
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseATokenIssuedForAnotherApplication() {
        assertThat(status("auditor", "auditor@example.com", Map.of("aud", "some-other-app")))
                .isEqualTo(401);
        assertThat(status("auditor", "auditor@example.com", Map.of("aud", DevTokens.ABSENT)))
                .isEqualTo(401);
    }

    @Test
    void shouldRefuseAnUnverifiedAddressEvenOfTheCeo() {
        assertThat(
                        status(
                                "leadership",
                                "ceo@example.com",
                                Map.of("email_verified", false, "sub", "attacker-id")))
                .isEqualTo(401);
        assertThat(status("leadership", "ceo@example.com", Map.of("email_verified", "false")))
                .isEqualTo(401);
        // an e-mail claim that is no address (a line break to forge a log line with) is no identity
        assertThat(
                        status(
                                "asset-admin",
                                "mallory@example.com",
                                Map.of("email", "mallory@example.com\r\nFORGED admin granted")))
                .isEqualTo(401);
    }

    @Test
    void shouldRefuseATokenTooOldTooLongOrDatedAhead() {
        long now = TestClock.now().getEpochSecond();
        assertThat(
                        status(
                                "auditor",
                                "a@example.com",
                                Map.of("iat", now - 25 * 3600, "exp", now + 3600)))
                .as("issued 25 hours ago: over the maximum age")
                .isEqualTo(401);
        assertThat(
                        status(
                                "auditor",
                                "a@example.com",
                                Map.of("iat", now, "exp", now + 50L * 365 * 86400)))
                .as("valid for 50 years")
                .isEqualTo(401);
        assertThat(status("auditor", "a@example.com", Map.of("iat", now + 3600, "exp", now + 7200)))
                .as("issued an hour from now")
                .isEqualTo(401);
        assertThat(status("auditor", "a@example.com", Map.of("iat", now + 30, "exp", now + 3600)))
                .as("30 s ahead: within the clock skew")
                .isEqualTo(200);
        assertThat(status("auditor", "a@example.com", Map.of("iat", DevTokens.ABSENT)))
                .isEqualTo(401);
    }
}
