package io.custodian.asset.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * The answers the resources give about one resource: 201 for a new one at the request's path and
 * its id, and, for one that has a version, its {@code ETag} ({@link Versions#etag}).
 */
public final class Responses {

    private Responses() {}

    /** 201: the new resource as the body, its location the request's path and {@code id}. */
    public static Response created(UriInfo uri, UUID id, Object resource) {
        return createdAt(uri, id, resource).build();
    }

    /** As {@link #created(UriInfo, UUID, Object)}, with the new resource's ETag. */
    public static Response created(UriInfo uri, UUID id, long version, Object resource) {
        return createdAt(uri, id, resource).tag(Versions.etag(version)).build();
    }

    /** 200: the resource as it is now, with its ETag. */
    public static Response current(Object resource, long version) {
        return Response.ok(resource).tag(Versions.etag(version)).build();
    }

    private static Response.ResponseBuilder createdAt(UriInfo uri, UUID id, Object resource) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(resource);
    }
}
