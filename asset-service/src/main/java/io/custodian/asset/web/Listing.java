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
        return with("cursor", cursor, "before");
    }

    /**
     * This request's URI with {@code before} set to the given value: the previous page's link, on
     * the lists that page both ways.
     */
    public String withBefore(String before) {
        return with("before", before, "cursor");
    }

    /** This request's URI with {@code name} set to {@code value} and {@code other} left out. */
    private String with(String name, String value, String other) {
        return UriBuilder.fromUri(uri)
                .replaceQueryParam(other)
                .replaceQueryParam(name, value)
                .build()
                .toString();
    }

    /**
     * A link of the API's lists as a console page's own address: the same query on {@code path}
     * (null stays null).
     */
    public static String onPage(String link, String path) {
        if (link == null) {
            return null;
        }
        int query = link.indexOf('?');
        return path + (query < 0 ? "" : link.substring(query));
    }
}
