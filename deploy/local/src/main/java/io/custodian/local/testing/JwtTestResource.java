package io.custodian.local.testing;

import io.custodian.local.DevTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points quarkus-smallrye-jwt at the development key pair of {@link DevTokens#forTests()} ({@code
 * target/dev-jwt} of the module under test). Returns {@code mp.jwt.verify.publickey.location} (the
 * absolute path of {@code public.pem}) and {@code mp.jwt.verify.issuer}. A test gets a token with
 * {@code DevTokens.forTests().token("ADMIN", "admin@example.com")}; the two share the key files
 * even when loaded by different class loaders.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        DevTokens tokens = DevTokens.forTests();
        return Map.of(
                "mp.jwt.verify.publickey.location",
                tokens.publicKeyFile().toAbsolutePath().toString(),
                "mp.jwt.verify.issuer",
                DevTokens.ISSUER);
    }

    @Override
    public void stop() {
        // the key files stay for the next run
    }
}
