package io.custodian.asset.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/** RFC 9457 problem details; {@code errors} names each offending field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * Identity attribute: why this caller is refused everything (its 403's detail), set by the
     * security layer that took the roles away, so the error mapping needs no knowledge of it.
     */
    public static final String FORBIDDEN_DETAIL = "custodian.forbidden-detail";

    /** One offending field: its JSON path ({@code owner.id}) or {@code body}, and what is wrong. */
    public record FieldError(String field, String message) {}
}
