package io.custodian.asset.scim;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.HR_SYSTEM;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.web.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * SCIM 2.0 at {@code /scim/v2} for identity providers (Okta, Entra ID): Users, Groups and the
 * discovery endpoints. Requests and responses are {@code application/scim+json} ({@code
 * application/json} is accepted too). Every error from here is a SCIM error (RFC 7644 §3.12), not
 * problem+json: the exception mappers below are local to this class, so the rest of the API is
 * unaffected.
 */
@Path("/scim/v2")
@RolesAllowed({HR_SYSTEM, ASSET_ADMIN})
@Produces({ScimResource.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimResource.SCIM_JSON, MediaType.APPLICATION_JSON})
class ScimResource {

    static final String SCIM_JSON = "application/scim+json";

    private static final Logger LOG = Logger.getLogger(ScimResource.class);

    private final ScimUsers users;
    private final ScimGroups groups;
    private final ScimDiscovery discovery;
    private final ObjectMapper json;

    ScimResource(ScimUsers users, ScimGroups groups, ScimDiscovery discovery, ObjectMapper json) {
        this.users = users;
        this.groups = groups;
        this.discovery = discovery;
        this.json = json;
    }

    // --- Users and Groups: one shape, each type's rules in its own service ------------------

    /** The resource types served, each through its {@link ScimEndpoint}. */
    private static final String TYPE = "/{type: Users|Groups}";

    @POST
    @Path(TYPE)
    public Response create(String type, JsonNode body, UriInfo uri) {
        ScimEndpoint.Resource created = endpoint(type).create(body, urls(uri));
        return Response.created(URI.create(created.meta().location()))
                .header(HttpHeaders.ETAG, created.meta().version())
                .entity(created)
                .build();
    }

    /** The methods a resource type's collection does not take. */
    @PUT
    @Path(TYPE)
    public Response unsupportedPutOnCollection(String type) {
        throw ScimException.unsupported(type);
    }

    @GET
    @Path(TYPE)
    public ListResponse<?> list(
            String type,
            @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            UriInfo uri) {
        ScimEndpoint<?> endpoint = endpoint(type);
        return endpoint.projection(attributes, excludedAttributes)
                .apply(json, endpoint.list(filter, startIndex, count, urls(uri)));
    }

    @PATCH
    @Path(TYPE)
    public Response unsupportedPatchOnCollection(String type) {
        throw ScimException.unsupported(type);
    }

    @GET
    @Path(TYPE + "/{id}")
    public Response get(
            String type,
            String id,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            UriInfo uri) {
        ScimEndpoint<?> endpoint = endpoint(type);
        ScimEtags.Read<?> read = endpoint.get(id, ifNoneMatch, urls(uri));
        if (read.resource() == null) {
            return Response.notModified().header(HttpHeaders.ETAG, read.etag()).build();
        }
        return Response.ok(
                        endpoint.projection(attributes, excludedAttributes)
                                .apply(json, read.resource()))
                .header(HttpHeaders.ETAG, read.etag())
                .build();
    }

    @PUT
    @Path(TYPE + "/{id}")
    public Response replace(
            String type,
            String id,
            @HeaderParam("If-Match") String ifMatch,
            JsonNode body,
            UriInfo uri) {
        return withTag(endpoint(type).replace(id, body, ifMatch, urls(uri)));
    }

    @PATCH
    @Path(TYPE + "/{id}")
    public Response patch(
            String type,
            String id,
            @HeaderParam("If-Match") String ifMatch,
            JsonNode body,
            UriInfo uri) {
        return withTag(endpoint(type).patch(id, body, ifMatch, urls(uri)));
    }

    /**
     * A user's DELETE deprovisions (the off-boarding starts; the person is not erased); a group's
     * deactivates it (its assets stay its own, listed for transfer).
     */
    @DELETE
    @Path(TYPE + "/{id}")
    public Response delete(String type, String id, @HeaderParam("If-Match") String ifMatch) {
        endpoint(type).delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** A resource takes no POST; its collection no PUT, PATCH or DELETE (all 405). */
    @POST
    @Path(TYPE + "/{id}")
    public Response unsupportedOnResource(String type, String id) {
        throw ScimException.unsupported(type + "/" + id);
    }

    @DELETE
    @Path(TYPE)
    public Response unsupportedDeleteOnCollection(String type) {
        throw ScimException.unsupported(type);
    }

    /** The resource type a path names; any other is not offered (404, or 405 for discovery). */
    private ScimEndpoint<?> endpoint(String type) {
        return switch (type) {
            case "Users" -> users;
            case "Groups" -> groups;
            default -> throw ScimException.unsupported(type);
        };
    }

    // --- discovery ---------------------------------------------------------------------------

    @GET
    @Path("/ServiceProviderConfig")
    public JsonNode serviceProviderConfig(UriInfo uri) {
        return discovery.serviceProviderConfig(
                base(uri), uri.getBaseUriBuilder().path("/q/openapi").build().toString());
    }

    @GET
    @Path("/ResourceTypes")
    public ListResponse<JsonNode> resourceTypes(UriInfo uri) {
        List<JsonNode> types = discovery.resourceTypes(base(uri));
        return ListResponse.of(types.size(), 1, types);
    }

    @GET
    @Path("/ResourceTypes/{id}")
    public JsonNode resourceType(String id, UriInfo uri) {
        return discovery.resourceTypes(base(uri)).stream()
                .filter(type -> type.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new ScimException(404, null, "No resource type " + id + "."));
    }

    @GET
    @Path("/Schemas")
    public ListResponse<JsonNode> schemas(UriInfo uri) {
        var all = discovery.schemas(base(uri));
        return ListResponse.of(all.size(), 1, all);
    }

    @GET
    @Path("/Schemas/{id}")
    public JsonNode schema(String id, UriInfo uri) {
        return discovery.schema(id, base(uri));
    }

    // --- anything else under /scim/v2 (Bulk, /Me, …) is not offered ----------------------------

    /** Any path but a resource type's own (those are served above, whatever the type). */
    private static final String OTHER = "/{unsupported: (?!(Users|Groups)(/[^/]+)?/?$).+}";

    @GET
    @Path(OTHER)
    public Response unsupportedGet(String unsupported) {
        throw ScimException.unsupported(unsupported);
    }

    @POST
    @Path(OTHER)
    public Response unsupportedPost(String unsupported) {
        throw ScimException.unsupported(unsupported);
    }

    @PUT
    @Path(OTHER)
    public Response unsupportedPut(String unsupported) {
        throw ScimException.unsupported(unsupported);
    }

    @PATCH
    @Path(OTHER)
    public Response unsupportedPatch(String unsupported) {
        throw ScimException.unsupported(unsupported);
    }

    @DELETE
    @Path(OTHER)
    public Response unsupportedDelete(String unsupported) {
        throw ScimException.unsupported(unsupported);
    }

    private static Response withTag(ScimEndpoint.Resource resource) {
        return Response.ok(resource).header(HttpHeaders.ETAG, resource.meta().version()).build();
    }

    private static String base(UriInfo uri) {
        return uri.getBaseUriBuilder().path("/scim/v2").build().toString();
    }

    private static ScimUrls urls(UriInfo uri) {
        return new ScimUrls(base(uri));
    }

    // --- errors: SCIM's format for everything thrown here -----------------------------------

    @ServerExceptionMapper
    Response scim(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    /** From the services this one calls (the off-boarding, If-Match checks). */
    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return switch (e.kind()) {
            case VALIDATION -> error(400, "invalidValue", e.getMessage());
            case MALFORMED_REQUEST -> error(400, "invalidSyntax", e.getMessage());
            case UNAUTHORIZED -> unauthenticated();
            case FORBIDDEN -> error(403, null, e.getMessage());
            case NOT_FOUND -> error(404, null, e.getMessage());
            case CONFLICT -> error(409, null, e.getMessage());
            case PRECONDITION_FAILED -> error(412, null, e.getMessage());
            case PRECONDITION_REQUIRED -> error(428, null, e.getMessage());
            case TOO_MANY_REQUESTS -> error(429, null, e.getMessage());
        };
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e) {
        return error(400, "invalidValue", e.getMessage());
    }

    @ServerExceptionMapper
    Response unreadable(JsonProcessingException e) {
        return error(400, "invalidSyntax", "The body is not valid JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    Response duplicate(org.hibernate.exception.ConstraintViolationException e) {
        if (e.getKind() == ConstraintKind.UNIQUE) {
            return error(
                    409,
                    "uniqueness",
                    "Another user already has this userName or externalId, or another group this"
                            + " displayName.");
        }
        return internal(e);
    }

    @ServerExceptionMapper
    Response concurrent(OptimisticLockException e) {
        return error(
                409, null, "The resource was changed at the same time; read it again and retry.");
    }

    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return error(403, null, "SCIM needs the hr-system (or asset-admin) role.");
    }

    @ServerExceptionMapper
    Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        return error(status, status == 400 ? "invalidSyntax" : null, e.getMessage());
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        return internal(e);
    }

    private static Response internal(Exception e) {
        LOG.error("SCIM request failed", e);
        return error(500, null, "The request failed on the server.");
    }

    private static Response unauthenticated() {
        return Response.fromResponse(error(401, null, "A valid bearer token is required."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response error(int status, String scimType, String detail) {
        return Response.status(status)
                .type(SCIM_JSON)
                .entity(ScimError.of(status, scimType, detail))
                .build();
    }
}
