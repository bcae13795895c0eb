package io.custodian.local.testing;

import io.custodian.local.DevTokens;
import io.custodian.local.OidcProvider;
import io.custodian.local.OidcProvider.User;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real OpenID Connect provider ({@link OidcProvider}, mock-oauth2-server in its own process) on a
 * free port, with quarkus-oidc's code flow pointed at it: {@code quarkus.oidc.auth-server-url},
 * {@code client-id} ({@link DevTokens#AUDIENCE}) and a secret. Its sign-in page offers the demo
 * users ({@link OidcProvider#DEMO_USERS}) and {@link #USERS}, the console tests' people.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * People of the console tests (two employees, one who leaves, a second admin), with e-mails no
     * other test uses.
     */
    public static final List<User> USERS =
            List.of(
                    new User("Casey Console", "casey.console@example.com", List.of("employee")),
                    new User("Olive Other", "olive.other@example.com", List.of("employee")),
                    new User("Lee Leaver", "lee.leaver@example.com", List.of("employee")),
                    new User(
                            "Sam Second admin",
                            "sam.admin@example.com",
                            List.of("asset-admin", "employee")));

    public static final String CLIENT_SECRET = "console-test-secret-of-at-least-32-characters";

    private OidcProvider provider;

    @Override
    public Map<String, String> start() {
        List<User> users = new ArrayList<>(OidcProvider.DEMO_USERS);
        users.addAll(USERS);
        provider = OidcProvider.start(0, users, Path.of("target", "oidc-provider"));
        return Map.of(
                "quarkus.oidc.auth-server-url",
                provider.issuer(),
                "quarkus.oidc.client-id",
                DevTokens.AUDIENCE,
                "quarkus.oidc.credentials.secret",
                CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }
}
