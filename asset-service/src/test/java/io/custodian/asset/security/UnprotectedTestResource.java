package io.custodian.asset.security;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * A deliberately unprotected endpoint that is in neither the contract nor the authorization matrix.
 * Built only under {@link WithUnprotectedEndpoint} (a build-time condition, so the normal test run
 * does not serve it), to show that the matrix check fails for it.
 */
@Path("/api/v1/test-unprotected")
@IfBuildProperty(name = WithUnprotectedEndpoint.PROPERTY, stringValue = "true")
@PermitAll
public class UnprotectedTestResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> get() {
        return Map.of("secret", "anyone can read this");
    }
}
