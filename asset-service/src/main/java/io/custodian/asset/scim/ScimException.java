package io.custodian.asset.scim;

/**
 * A failure of a SCIM request, leaving as an RFC 7644 §3.12 error: an HTTP status and, for 400s and
 * uniqueness conflicts, a {@code scimType}.
 */
class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    static ScimException invalidPath(String detail) {
        return new ScimException(400, "invalidPath", detail);
    }

    static ScimException noTarget(String detail) {
        return new ScimException(400, "noTarget", detail);
    }

    static ScimException uniqueness(String detail) {
        return new ScimException(409, "uniqueness", detail);
    }

    static ScimException notFound(String resource, String id) {
        return new ScimException(404, null, "No " + resource + " with id " + id + ".");
    }

    static ScimException conflict(String detail) {
        return new ScimException(409, null, detail);
    }

    int status() {
        return status;
    }

    String scimType() {
        return scimType;
    }

    /**
     * What this endpoint serves: a known resource with another method is 405, anything else 404.
     */
    private static final java.util.regex.Pattern OFFERED =
            java.util.regex.Pattern.compile(
                    "((Users|Groups)(/[^/]+)?|ServiceProviderConfig|ResourceTypes(/[^/]+)?"
                            + "|Schemas(/[^/]+)?)/?");

    /** A path or method under {@code /scim/v2} this endpoint does not serve. */
    static ScimException unsupported(String path) {
        if (OFFERED.matcher(path).matches()) {
            return new ScimException(405, null, "/scim/v2/" + path + " does not take this method.");
        }
        return new ScimException(
                404,
                null,
                "/scim/v2/" + path + " is not offered; only Users, Groups and discovery are.");
    }
}
