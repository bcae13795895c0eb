package io.custodian.notification.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The worker's HTTP errors as RFC 9457 problem+json, shaped as asset-service's: 400 for a missing
 * or bad query parameter, 401 without a valid token, 403 for a role that may not read the log.
 */
public class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Problem(
            URI type,
            String title,
            int status,
            String detail,
            String instance,
            List<FieldError> errors) {}

    record FieldError(String field, String message) {}

    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                403, "forbidden", "Forbidden", "Your roles do not allow this operation.", uri);
    }

    /** 400 for a missing or bad query parameter, naming it. */
    public static Response badParameter(String field, String message, UriInfo uri) {
        Problem problem =
                new Problem(
                        URI.create("https://custodian.local/problems/validation"),
                        "Invalid request",
                        400,
                        field + ": " + message,
                        uri.getPath(),
                        List.of(new FieldError(field, message)));
        return Response.status(400).type(MEDIA_TYPE).entity(problem).build();
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(
                        respond(
                                401,
                                "unauthorized",
                                "Unauthorized",
                                "A valid bearer token is required.",
                                uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response respond(
            int status, String type, String title, String detail, UriInfo uri) {
        Problem problem =
                new Problem(
                        URI.create("https://custodian.local/problems/" + type),
                        title,
                        status,
                        detail,
                        uri.getPath(),
                        List.of());
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
