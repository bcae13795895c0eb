package io.custodian.asset.web;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A list request as the services see it: its URI (for the next page's link) and its query
 * parameters, with no JAX-RS type; the resource makes it with {@link #of(UriInfo)}.
 */
public record Listing(URI uri, Map<String, List<String>> params) {

    public static Listing of(UriInfo uri) {
        return new Listing(uri.getRequestUri(), uri.getQueryParameters());
    }

    /** This request's URI with {@code cursor} set to the given value: the next page's link. */
    public String withCursor(String cursor) {
        return UriBuilder.fromUri(uri).replaceQueryParam("cursor", cursor).build().toString();
    }
}
