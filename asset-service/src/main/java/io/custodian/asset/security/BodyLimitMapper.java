package io.custodian.asset.security;

import io.custodian.asset.web.ErrorBodies;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A body cut off at its limit is a 413 problem (SCIM's error under {@code /scim}). */
class BodyLimitMapper {

    @ServerExceptionMapper
    Response tooLarge(BodyLimit.TooLarge e, UriInfo uri, HttpServerRequest request) {
        ErrorBodies.Body body =
                ErrorBodies.of(
                        uri.getPath(),
                        413,
                        "payload-too-large",
                        "Payload too large",
                        e.getMessage());
        Response.ResponseBuilder answer = Response.status(413).type(body.mediaType());
        if (request.version() != HttpVersion.HTTP_2) {
            // the rest of the body is never read: HTTP/1.1 can't reuse the connection after it
            answer.header("Connection", "close");
        }
        return answer.entity(body.json()).build();
    }
}
