package io.custodian.asset.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters by the same rule as body text ({@link Text}), checked once for every
 * operation before it runs: a parameter is one line of storable text, or the request is a 400
 * naming it. (A filter value with NUL would otherwise reach PostgreSQL, which can't take it.)
 */
class ParameterText {

    @ServerRequestFilter
    Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String found = first("query parameter ", request.getUriInfo().getQueryParameters());
        if (found == null) {
            found = first("path parameter ", request.getUriInfo().getPathParameters());
        }
        if (found == null) {
            return null;
        }
        String[] nameAndReason = found.split("\u0000", 2);
        ErrorBodies.Body body =
                ErrorBodies.of(
                        path.startsWith("/") ? path : "/" + path,
                        400,
                        "malformed-request",
                        "Malformed request",
                        nameAndReason[0] + ": " + nameAndReason[1],
                        nameAndReason[0]);
        return Response.status(400).type(body.mediaType()).entity(body.json()).build();
    }

    /** {@code name NUL reason} of the first parameter that is not one line of text, or null. */
    private static String first(String kind, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String problem = Text.notSingleLine(parameter.getKey());
            if (problem != null) {
                return kind.trim() + "\u0000" + "a parameter name " + problem;
            }
            for (String value : parameter.getValue()) {
                problem = Text.notSingleLine(value);
                if (problem != null) {
                    return parameter.getKey() + "\u0000" + problem;
                }
            }
        }
        return null;
    }
}
