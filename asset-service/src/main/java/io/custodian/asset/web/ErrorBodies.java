package io.custodian.asset.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Error bodies for answers given before a request reaches a resource (the transport filters):
 * problem+json under {@code /api} and everywhere else, SCIM's own error under {@code /scim/v2}, the
 * same shapes {@link ProblemMappers} and the SCIM resource write.
 */
public final class ErrorBodies {

    public static final String SCIM_JSON = "application/scim+json";
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ErrorBodies() {}

    /** The body of one error. */
    public record Body(String mediaType, String json) {}

    /** An error that names no field; {@code slug} is the problem type's last segment. */
    public static Body of(String path, int status, String slug, String title, String detail) {
        return body(path, status, slug, title, detail, null, null);
    }

    /** 400 naming the parameter (or field) and what is wrong with it. */
    public static Body malformed(String path, String field, String reason) {
        return body(
                path,
                400,
                "malformed-request",
                "Malformed request",
                field + ": " + reason,
                field,
                reason);
    }

    private static Body body(
            String path,
            int status,
            String slug,
            String title,
            String detail,
            String field,
            String reason) {
        if (path.startsWith("/scim/")) {
            JsonObject scim =
                    new JsonObject()
                            .put("schemas", new JsonArray().add(SCIM_ERROR))
                            .put("status", Integer.toString(status))
                            .put("detail", detail);
            if (status == 400) {
                scim.put("scimType", field == null ? "invalidSyntax" : "invalidValue");
            }
            return new Body(SCIM_JSON, scim.encode());
        }
        JsonObject problem =
                new JsonObject()
                        .put("type", "https://custodian.local/problems/" + slug)
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .put("instance", path);
        if (field != null) {
            problem.put(
                    "errors",
                    new JsonArray()
                            .add(new JsonObject().put("field", field).put("message", reason)));
        }
        return new Body(Problem.MEDIA_TYPE, problem.encode());
    }
}
