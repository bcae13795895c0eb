package io.custodian.asset.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A failure the caller can act on, thrown by services and turned into problem+json by {@link
 * ProblemMappers}. Use the factories; each names one {@link Kind}.
 */
public class ProblemException extends RuntimeException {

    /** The problem types of this API, each with its status and title. */
    public enum Kind {
        MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
        UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
        FORBIDDEN(403, "forbidden", "Forbidden"),
        NOT_FOUND(404, "not-found", "Not found"),
        CONFLICT(409, "conflict", "Conflict"),
        PRECONDITION_FAILED(412, "stale", "Precondition failed"),
        VALIDATION(422, "validation", "Invalid request"),
        PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
        TOO_MANY_REQUESTS(429, "rate-limited", "Too many requests");

        final int status;
        final URI type;
        final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.type = URI.create("https://custodian.local/problems/" + slug);
            this.title = title;
        }
    }

    private final Kind kind;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    ProblemException(Kind kind, String detail, List<Problem.FieldError> errors) {
        this(kind, detail, errors, null);
    }

    private ProblemException(
            Kind kind, String detail, List<Problem.FieldError> errors, Duration retryAfter) {
        super(detail);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(
                Kind.NOT_FOUND, "No " + what + " with id " + id + ".", List.of());
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                Kind.VALIDATION,
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 422 naming every offending field (at least one), in the order given. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no field errors");
        }
        return new ProblemException(Kind.VALIDATION, detailOf(errors), errors);
    }

    /** {@code owner: must not be null}, or {@code 2 fields are invalid}. */
    static String detailOf(List<Problem.FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }

    public static ProblemException conflict(String detail, String field, String message) {
        return new ProblemException(
                Kind.CONFLICT,
                detail,
                field == null ? List.of() : List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException stale(String detail) {
        return new ProblemException(Kind.PRECONDITION_FAILED, detail, List.of());
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(Kind.PRECONDITION_REQUIRED, detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Kind.FORBIDDEN, detail, List.of());
    }

    /** 429; the answer carries {@code Retry-After} in whole seconds (at least 1). */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(Kind.TOO_MANY_REQUESTS, detail, List.of(), retryAfter);
    }

    /** Seconds the caller should wait before trying again, when the problem says so. */
    public Long retryAfterSeconds() {
        return retryAfter == null ? null : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
