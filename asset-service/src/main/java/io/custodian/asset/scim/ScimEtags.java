package io.custodian.asset.scim;

import io.custodian.asset.web.Versions;
import java.util.function.Supplier;

/**
 * ETags of SCIM resources (RFC 7644 §3.14): the version as {@code W/"3"}, printed as sent in a
 * 412's detail; {@code If-Match} naming another version is 412, {@code If-None-Match} naming the
 * current one lets a read answer 304.
 */
final class ScimEtags {

    /** A read: the resource, or null when the caller's copy is current; and the current ETag. */
    record Read<T>(T resource, String etag) {}

    private ScimEtags() {}

    /** The same value as the {@code ETag} header and {@code meta.version}. */
    static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    /** An {@code If-Match} that names another version is 412, with the ETag as SCIM writes it. */
    static void requireMatch(String ifMatch, long version, String resource) {
        if (ifMatch != null && !ifMatch.isBlank() && !Versions.matches(ifMatch, version)) {
            throw new ScimException(
                    412,
                    null,
                    "This "
                            + resource
                            + " was changed since you read it (If-Match "
                            + ifMatch.trim()
                            + ", current ETag "
                            + etag(version)
                            + "); read it again and retry.");
        }
    }

    /**
     * A read of a resource at this version: none (304) when {@code If-None-Match} names it, else
     * the resource; with the current ETag.
     */
    static <T> Read<T> read(String ifNoneMatch, long version, Supplier<T> resource) {
        boolean current =
                ifNoneMatch != null
                        && !ifNoneMatch.isBlank()
                        && Versions.matches(ifNoneMatch, version);
        return new Read<>(current ? null : resource.get(), etag(version));
    }
}
