package io.custodian.asset.web;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;

/**
 * One page of a list as a service returns it: the body (items and next link) and the next page's
 * URI, if there is one (and the previous page's, on a list that pages both ways); the resource
 * answers with {@link #response()} (the body, and the links as {@code Link} headers too).
 */
public record Paged(Object body, String next, String prev) {

    /** A page of a list that pages forward only. */
    public Paged(Object body, String next) {
        this(body, next, null);
    }

    public Response response() {
        Response.ResponseBuilder ok = Response.ok(body);
        if (next != null) {
            ok.links(Link.fromUri(next).rel("next").build());
        }
        if (prev != null) {
            ok.links(Link.fromUri(prev).rel("prev").build());
        }
        return ok.build();
    }
}
