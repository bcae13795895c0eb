package io.custodian.asset.web;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: the {@code ETag} of a resource is its version, and an update
 * must say with {@code If-Match} which version it changes.
 */
public final class Versions {

    private Versions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The {@code If-Match} of a console form: the version the page was read at (a hidden field), as
     * the strong ETag the API's clients send.
     */
    public static String ifMatch(String formVersion) {
        return "\"" + (formVersion == null ? "" : formVersion.strip()) + "\"";
    }

    /**
     * Whether an {@code If-Match} or {@code If-None-Match} header names the current version: one of
     * its tags, weak or strong, or {@code *}.
     */
    public static boolean matches(String header, long current) {
        for (String tag : header.split(",")) {
            String value = tag.trim();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + current + "\"")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks an {@code If-Match} header against the current version: 428 when it is missing, 412
     * when it names another version. {@code *} matches any version.
     */
    public static void requireMatch(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Updating this "
                            + what
                            + " needs an If-Match header with the ETag you read (currently \""
                            + current
                            + "\").");
        }
        if (matches(ifMatch, current)) {
            return;
        }
        throw ProblemException.stale(
                "This "
                        + what
                        + " was changed since you read it (If-Match "
                        + ifMatch.trim()
                        + ", current ETag \""
                        + current
                        + "\"); read it again and retry.");
    }
}
