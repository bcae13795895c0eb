package io.custodian.notification.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;

/**
 * A path no route serves — in production also {@code /q/health} and {@code /q/metrics}, which are
 * on the management port — is a 404 problem like every other error of the worker, not Vert.x's HTML
 * page.
 */
@ApplicationScoped
class UnservedPaths {

    private final String body;

    UnservedPaths(ObjectMapper mapper) throws JsonProcessingException {
        this.body =
                mapper.writeValueAsString(
                        new Problems.Problem(
                                URI.create("https://custodian.local/problems/not-found"),
                                "Not found",
                                404,
                                "No such resource.",
                                null,
                                List.of()));
    }

    void register(@Observes Router router) {
        router.route()
                .order(Integer.MAX_VALUE)
                .handler(
                        rc ->
                                rc.response()
                                        .setStatusCode(404)
                                        .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                                        .end(body));
    }
}
