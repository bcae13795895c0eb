package io.custodian.asset.web;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;

/**
 * One page of a list as a service returns it: the body (items and next link) and the next page's
 * URI, if there is one; the resource answers with {@link #response()} (the body, and the next link
 * as a {@code Link} header too).
 */
public record Paged(Object body, String next) {

    public Response response() {
        Response.ResponseBuilder ok = Response.ok(body);
        return next == null ? ok.build() : ok.links(Link.fromUri(next).rel("next").build()).build();
    }
}
