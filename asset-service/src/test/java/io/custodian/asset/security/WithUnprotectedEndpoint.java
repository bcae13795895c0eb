package io.custodian.asset.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Builds the application with {@link UnprotectedTestResource}. */
public class WithUnprotectedEndpoint implements QuarkusTestProfile {

    static final String PROPERTY = "custodian-test.unprotected-endpoint";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(PROPERTY, "true");
    }
}
