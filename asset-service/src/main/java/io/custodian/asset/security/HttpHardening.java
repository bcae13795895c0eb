package io.custodian.asset.security;

import io.custodian.asset.web.ErrorBodies;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Transport hardening in front of every route, including Quarkus's own answers (401 challenges,
 * unknown paths), in two filters:
 *
 * <ol>
 *   <li>before authentication: security headers on every response; a request line, headers or a
 *       declared body over their limits is refused (414, 431, 413) before anything of it is
 *       processed; a body of unknown length (chunked, HTTP/2) gets its limit, counted while it is
 *       read ({@link BodyLimit});
 *   <li>after the token was read: on {@code /api} and {@code /scim} an unauthenticated request is
 *       401 before any other check (no route, method or media-type answer to anonymous callers),
 *       then a body that is not JSON is 415 (the bulk import paths take their own media types, the
 *       posture reports CSV too).
 * </ol>
 *
 * Every refusal is problem+json (SCIM's error under {@code /scim}). CORS stays closed: Quarkus's
 * CORS filter is off unless {@code quarkus.http.cors.enabled} and its origins are configured.
 */
@ApplicationScoped
class HttpHardening {

    /** Swagger UI needs scripts and styles; everything else is JSON and gets no content at all. */
    private static final String UI = "/q/swagger-ui";

    /** Quarkus's authentication filter runs at 200, its authorization at 100. */
    private static final int BEFORE_AUTHENTICATION = 1_000;

    private static final int AFTER_AUTHENTICATION = 150;

    /** Read on the first request: the filter is registered before runtime config mappings exist. */
    private final Instance<SecurityConfig> config;

    private volatile Limits limits;

    private record Limits(
            long maxBodySize,
            List<String> largeBodyPaths,
            int maxRequestLine,
            int maxHeaders,
            String consoleCsp) {}

    HttpHardening(Instance<SecurityConfig> config) {
        this.config = config;
    }

    private Limits limits() {
        Limits current = limits;
        if (current == null) {
            SecurityConfig c = config.get();
            current =
                    new Limits(
                            c.maxBodySize().asLongValue(),
                            List.copyOf(c.largeBodyPaths()),
                            (int) c.maxRequestLine().asLongValue(),
                            (int) c.maxHeaderSize().asLongValue(),
                            consoleCsp(
                                    ConfigProvider.getConfig()
                                            .getOptionalValue(
                                                    "quarkus.oidc.auth-server-url", String.class)));
            limits = current;
        }
        return current;
    }

    void register(@Observes Filters filters) {
        filters.register(this::transport, BEFORE_AUTHENTICATION);
        filters.register(this::authenticated, AFTER_AUTHENTICATION);
    }

    /**
     * A path no route serves — in production also {@code /q/health} and {@code /q/metrics}, which
     * are on the management port — is a 404 problem too, not Vert.x's HTML page (the application's
     * own unknown paths are JAX-RS's, mapped in {@code web/ProblemMappers}).
     */
    void unserved(@Observes Router router) {
        router.route()
                .order(Integer.MAX_VALUE)
                .handler(rc -> refuse(rc, 404, "not-found", "Not found", "No such resource."));
    }

    private void transport(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = path(rc);
        String consoleCsp = limits().consoleCsp();
        rc.addHeadersEndHandler(v -> secure(rc.response().headers(), path, consoleCsp));
        Limits limits = limits();
        if (request.uri().length() + request.method().name().length() + 10
                > limits.maxRequestLine()) {
            refuse(
                    rc,
                    414,
                    "uri-too-long",
                    "URI too long",
                    "The request line is longer than " + limits.maxRequestLine() + " bytes.");
            return;
        }
        if (headerBytes(request.headers()) > limits.maxHeaders()) {
            refuse(
                    rc,
                    431,
                    "headers-too-large",
                    "Request header fields too large",
                    "The request headers are larger than " + limits.maxHeaders() + " bytes.");
            return;
        }
        if (isApi(path) && limits.largeBodyPaths().stream().noneMatch(path::startsWith)) {
            long maxBodySize = limits.maxBodySize();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declared(length) > maxBodySize) {
                refuse(
                        rc,
                        413,
                        "payload-too-large",
                        "Payload too large",
                        "The request body is larger than " + maxBodySize + " bytes.");
                return;
            }
            BodyLimit.set(rc, maxBodySize);
        }
        rc.next();
    }

    private void authenticated(RoutingContext rc) {
        String path = path(rc);
        if (!isApi(path)) {
            rc.next();
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(rc, null)
                .subscribe()
                .with(
                        identity -> {
                            if (identity == null || identity.isAnonymous()) {
                                unauthenticated(rc);
                            } else if (!acceptsJson(rc, path)) {
                                refuse(
                                        rc,
                                        406,
                                        "not-acceptable",
                                        "Not acceptable",
                                        "This API answers in JSON"
                                                + (path.startsWith("/api/v1/exports")
                                                        ? " or CSV"
                                                        : "")
                                                + "; the Accept header allows neither.");
                            } else if (!jsonOrNoBody(rc, path)) {
                                refuse(
                                        rc,
                                        415,
                                        "unsupported-media-type",
                                        "Unsupported media type",
                                        "Send the request body as JSON (Content-Type:"
                                                + " application/json).");
                            } else {
                                rc.next();
                            }
                        },
                        failure -> unauthenticated(rc));
    }

    /**
     * Whether the caller takes JSON (or, for an export, CSV): without this, a resource would answer
     * {@code Accept: application/xml} with its Java text.
     */
    private static boolean acceptsJson(RoutingContext rc, String path) {
        String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("*/*")
                    || type.equals("application/*")
                    || type.equals("application/json")
                    || type.endsWith("+json")
                    || (path.startsWith("/api/v1/exports") || path.endsWith("/errors"))
                            && (type.equals("text/csv") || type.equals("text/*"))) {
                return true;
            }
        }
        return false;
    }

    private boolean jsonOrNoBody(RoutingContext rc, String path) {
        if (limits().largeBodyPaths().stream().anyMatch(path::startsWith)) {
            return true;
        }
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return true;
        }
        String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || mediaType.endsWith("+json")
                // the MDM's posture batch may be a CSV file too, within the usual body limit
                || mediaType.equals("text/csv") && path.equals("/api/v1/posture-reports");
    }

    private static void unauthenticated(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        refuse(rc, 401, "unauthorized", "Unauthorized", "A valid bearer token is required.");
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long headerBytes(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static String path(RoutingContext rc) {
        return rc.normalizedPath() == null ? "" : rc.normalizedPath();
    }

    /**
     * The console's pages (and its stylesheet and signed-out page): the service's own stylesheet,
     * images and script files ({@code console-static/live.js}, which fetches a running import's
     * progress from the service), forms posted to itself only; nothing inline, never framed. A form
     * posted after the session ended is answered with a redirect to the sign-in provider, so {@code
     * form-action} also names the provider's origin: without it the browser would block that
     * redirect and the press of the button would do nothing.
     */
    static String consoleCsp(Optional<String> provider) {
        String signIn =
                provider.map(URI::create)
                        .filter(uri -> uri.getScheme() != null && uri.getAuthority() != null)
                        .map(uri -> " " + uri.getScheme() + "://" + uri.getAuthority())
                        .orElse("");
        return "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self';"
                + " img-src 'self'; form-action 'self'"
                + signIn
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    private static boolean isConsole(String path) {
        return path.equals("/console")
                || path.startsWith("/console/")
                || path.startsWith("/console-static/");
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/scim/");
    }

    private static void secure(MultiMap headers, String path, String consoleCsp) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (isConsole(path)) {
            headers.set("Content-Security-Policy", consoleCsp);
        } else if (!path.startsWith(UI)) {
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        if ((isApi(path) || isConsole(path)) && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static void refuse(
            RoutingContext rc, int status, String slug, String title, String detail) {
        ErrorBodies.Body body = ErrorBodies.of(path(rc), status, slug, title, detail);
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, body.mediaType());
        if (rc.request().version() != HttpVersion.HTTP_2 && !rc.request().isEnded()) {
            // a body is still coming that nobody will read: don't keep the connection for it
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        rc.response().end(body.json());
    }
}
