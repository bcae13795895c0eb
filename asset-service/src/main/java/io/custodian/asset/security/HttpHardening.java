package io.custodian.asset.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/**
 * Transport hardening in front of every route, including Quarkus's own answers (401 challenges,
 * unknown paths): security headers on every response, and the request body limit of the JSON API.
 * CORS stays closed: Quarkus's CORS filter is off unless {@code quarkus.http.cors.enabled} and its
 * origins are configured (SECURITY.md).
 */
@ApplicationScoped
class HttpHardening {

    /** Swagger UI needs scripts and styles; everything else is JSON and gets no content at all. */
    private static final String UI = "/q/swagger-ui";

    /** Read on the first request: the filter is registered before runtime config mappings exist. */
    private final Instance<SecurityConfig> config;

    private volatile Limits limits;

    private record Limits(long maxBodySize, List<String> largeBodyPaths) {}

    HttpHardening(Instance<SecurityConfig> config) {
        this.config = config;
    }

    private Limits limits() {
        Limits current = limits;
        if (current == null) {
            SecurityConfig c = config.get();
            current = new Limits(c.maxBodySize().asLongValue(), List.copyOf(c.largeBodyPaths()));
            limits = current;
        }
        return current;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1_000);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath() == null ? "" : rc.normalizedPath();
        rc.addHeadersEndHandler(v -> secure(rc.response().headers(), path));
        Limits api = isApi(path) ? limits() : null;
        if (api != null && api.largeBodyPaths().stream().noneMatch(path::startsWith)) {
            long maxBodySize = api.maxBodySize();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                long size;
                try {
                    size = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    size = Long.MAX_VALUE;
                }
                if (size > maxBodySize) {
                    refuse(
                            rc,
                            413,
                            "payload-too-large",
                            "Payload too large",
                            "The request body is larger than " + maxBodySize + " bytes.");
                    return;
                }
            } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                refuse(
                        rc,
                        411,
                        "length-required",
                        "Length required",
                        "Send the request body with a Content-Length.");
                return;
            }
        }
        rc.next();
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/scim/");
    }

    private static void secure(MultiMap headers, String path) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (!path.startsWith(UI)) {
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        if (isApi(path) && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static void refuse(
            RoutingContext rc, int status, String slug, String title, String detail) {
        JsonObject problem =
                new JsonObject()
                        .put("type", "https://custodian.local/problems/" + slug)
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .put("instance", rc.request().path());
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode());
    }
}
