package io.custodian.asset.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters by the same rule as body text ({@link Text}), checked once for every
 * operation before it runs: a parameter is one line of storable text, or the request is a 400
 * naming it. (A filter value with NUL would otherwise reach PostgreSQL, which can't take it.)
 */
class ParameterText {

    /** A parameter (or the raw query or path) that is not one line of text, and why. */
    private record Found(String name, String reason) {}

    @ServerRequestFilter
    Response check(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        Found found = utf8(uri.getRequestUri().getRawQuery(), "query");
        if (found == null) {
            found = utf8(uri.getRequestUri().getRawPath(), "path");
        }
        if (found == null) {
            found = first("query parameter", uri.getQueryParameters());
        }
        if (found == null) {
            found = first("path parameter", uri.getPathParameters());
        }
        if (found == null) {
            return null;
        }
        String path = uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath();
        ErrorBodies.Body body = ErrorBodies.malformed(path, found.name(), found.reason());
        return Response.status(400).type(body.mediaType()).entity(body.json()).build();
    }

    /**
     * The part when its percent-encoded bytes are not UTF-8 (a lone surrogate's {@code %ED%A0%80},
     * a stray {@code %FF}): decoded leniently they would become U+FFFD.
     */
    private static Found utf8(String raw, String part) {
        if (raw == null || raw.indexOf('%') < 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            bytes.write(c);
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            return new Found(part, "is not valid UTF-8 once percent-decoded");
        }
    }

    /** The first parameter that is not one line of text, or null. */
    private static Found first(String kind, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String problem = Text.notSingleLine(parameter.getKey());
            if (problem != null) {
                return new Found(kind, "a parameter name " + problem);
            }
            for (String value : parameter.getValue()) {
                problem = Text.notSingleLine(value);
                if (problem != null) {
                    return new Found(parameter.getKey(), problem);
                }
            }
        }
        return null;
    }
}
