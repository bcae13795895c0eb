package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One SCIM resource type's operations (RFC 7644 §3): {@code ScimResource} serves Users and Groups
 * through this one shape, each type's rules staying in its own service.
 */
interface ScimEndpoint<R extends ScimEndpoint.Resource> {

    /** A SCIM resource as it is answered: its {@code meta} carries its location and version. */
    interface Resource {
        ScimUser.Meta meta();
    }

    R create(JsonNode body, ScimUrls urls);

    ListResponse<R> list(String filter, String startIndex, String count, ScimUrls urls);

    /** The resource, unless {@code If-None-Match} names its current version (304). */
    ScimEtags.Read<R> get(String id, String ifNoneMatch, ScimUrls urls);

    R replace(String id, JsonNode body, String ifMatch, ScimUrls urls);

    R patch(String id, JsonNode body, String ifMatch, ScimUrls urls);

    void delete(String id, String ifMatch);

    /** The {@code attributes} / {@code excludedAttributes} selection, by this type's schemas. */
    ScimProjection projection(String attributes, String excludedAttributes);
}
