package io.custodian.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.local.OidcProvider.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sign-in page and the claims the provider puts in each demo user's tokens. */
class OidcProviderTest {

    @Test
    void shouldGiveEachUserTheirEmailAndGroupsAsClaims() {
        String claims =
                OidcProvider.claims(
                        new User("Cora CEO", "ceo@example.com", List.of("leadership", "employee")));

        assertThat(claims)
                .isEqualTo(
                        "{\"email\":\"ceo@example.com\",\"email_verified\":true,\"name\":\"Cora"
                                + " CEO\",\"groups\":[\"leadership\",\"employee\"]}");
    }

    @Test
    void shouldOfferOneSignInButtonPerUserWithItsValuesEscaped() {
        String page =
                OidcProvider.loginPage(
                        List.of(
                                new User("Alex", "alex@example.com", List.of("employee")),
                                new User(
                                        "<b>Eve</b> \"x\"",
                                        "eve@example.com",
                                        List.of("auditor"))));

        assertThat(page.split("<form method=\"post\">", -1)).hasSize(3);
        assertThat(page).contains("Sign in as Alex <small>alex@example.com · employee</small>");
        assertThat(page).contains("Sign in as &lt;b&gt;Eve&lt;/b&gt; &quot;x&quot;");
        assertThat(page).doesNotContain("<b>Eve</b>");
        assertThat(page)
                .contains(
                        "name=\"claims\" value=\"{&quot;email&quot;:&quot;alex@example.com&quot;");
    }

    @Test
    void shouldIssueTokensForCustodianOnly() {
        assertThat(OidcProvider.config(java.nio.file.Path.of("/tmp/login.html")))
                .contains("\"issuerId\":\"custodian\"")
                .contains("\"aud\":[\"custodian\"]")
                .contains("\"loginPagePath\":\"/tmp/login.html\"");
    }
}
