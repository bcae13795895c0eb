package io.custodian.asset.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.custodian.asset.web.ProblemException.Kind;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as RFC 9457 problem+json, naming the offending field; under {@code /console}
 * as an HTML page with the same status and detail (a 403 page, a 404 page, a conflict page).
 * Malformed JSON is 400; well-formed JSON with invalid content is 422.
 */
class ProblemMappers {

    /** The console's pages: their errors are pages too, with the same status and detail. */
    private static final String CONSOLE = "/console";

    @CheckedTemplate(basePath = "console")
    static class Pages {
        static native TemplateInstance problem(int status, String title, String detail);
    }

    private final CurrentIdentityAssociation identities;

    ProblemMappers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerExceptionMapper
    Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.kind(), e.getMessage(), e.errors(), uri);
        Long retryAfter = e.retryAfterSeconds();
        return retryAfter == null
                ? response
                : Response.fromResponse(response)
                        .header(HttpHeaders.RETRY_AFTER, retryAfter)
                        .build();
    }

    @ServerExceptionMapper
    Response invalidBody(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors =
                e.getConstraintViolations().stream()
                        .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                        .sorted(Comparator.comparing(Problem.FieldError::field))
                        .toList();
        return respond(Kind.VALIDATION, ProblemException.detailOf(errors), errors, uri);
    }

    @ServerExceptionMapper
    Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(
                Kind.MALFORMED_REQUEST,
                "The request body is not valid JSON: " + e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", "not valid JSON")),
                uri);
    }

    @ServerExceptionMapper
    Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        // a field the operation does not take is a malformed request (400), not an invalid value
        return fieldError(Kind.MALFORMED_REQUEST, path(e), "unknown field", uri);
    }

    @ServerExceptionMapper
    Response wrongValue(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        Class<?> target = e.getTargetType();
        String message =
                target != null && target.isEnum()
                        ? "must be one of: "
                                + Arrays.stream(target.getEnumConstants())
                                        .map(c -> LowerCaseEnums.of((Enum<?>) c))
                                        .collect(Collectors.joining(", "))
                        : "must be a valid " + simpleType(target);
        return fieldError(Kind.VALIDATION, field, message, uri);
    }

    /** Text that can't be stored, a date outside the register's range: 422 naming the field. */
    @ServerExceptionMapper
    Response invalidValue(InvalidValueException e, UriInfo uri) {
        return fieldProblem(
                Kind.VALIDATION, e.field() != null ? e.field() : path(e), e.reason(), uri);
    }

    /** JSON of another type than the contract's ({@code "assetTag": []}, a bare array): 400. */
    @ServerExceptionMapper
    Response wrongType(MismatchedInputException e, UriInfo uri) {
        return fieldProblem(
                Kind.MALFORMED_REQUEST,
                path(e),
                "expected " + JsonTypes.expected(e.getTargetType()),
                uri);
    }

    @ServerExceptionMapper
    Response unreadable(JsonMappingException e, UriInfo uri) {
        String field = path(e);
        String message = "has the wrong type or shape";
        if (field.isEmpty()) {
            field = "body";
            message = "must be a JSON object";
        }
        return fieldError(Kind.VALIDATION, field, message, uri);
    }

    /**
     * Another write committed first. A conditional request ({@code If-Match}) lost its precondition
     * at the commit instead of at the check: the same 412 as a stale ETag, so a client handles one
     * answer whichever way the race went.
     */
    @ServerExceptionMapper
    Response staleWrite(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        boolean conditional = headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        return respond(
                conditional ? Kind.PRECONDITION_FAILED : Kind.CONFLICT,
                "The resource was changed by someone else at the same time; read it again and"
                        + " retry"
                        + (conditional ? " with its new ETag." : "."),
                List.of(),
                uri);
    }

    @ServerExceptionMapper
    Response uniqueViolation(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getKind() != ConstraintKind.UNIQUE) {
            throw e;
        }
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        String field = UniqueConstraints.field(constraint);
        return respond(
                Kind.CONFLICT,
                "Another record already has this " + field + ".",
                List.of(new Problem.FieldError(field, "already exists")),
                uri);
    }

    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    /** A 403 says why when the security layer said so ({@link Problem#FORBIDDEN_DETAIL}). */
    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e, UriInfo uri) {
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .map(
                        identity ->
                                respond(
                                        Kind.FORBIDDEN,
                                        identity != null
                                                        && identity.getAttribute(
                                                                        Problem.FORBIDDEN_DETAIL)
                                                                instanceof String detail
                                                ? detail
                                                : "Your roles do not allow this operation.",
                                        List.of(),
                                        uri));
    }

    @ServerExceptionMapper
    Response noRoute(NotFoundException e, UriInfo uri) {
        return respond(Kind.NOT_FOUND, "No such resource.", List.of(), uri);
    }

    @ServerExceptionMapper
    Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof InvalidValueException invalid) {
            return invalidValue(invalid, uri);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e.getCause() instanceof InvalidFormatException format) {
            return wrongValue(format, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            throw e;
        }
        for (Kind kind : Kind.values()) {
            if (kind.status == status) {
                return respond(kind, e.getMessage(), List.of(), uri);
            }
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        Problem problem =
                new Problem(
                        URI.create("about:blank"),
                        type.getReasonPhrase(),
                        status,
                        e.getMessage(),
                        uri.getPath(),
                        List.of());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** One offending field (the body itself when the path is empty) and what is wrong with it. */
    private static Response fieldProblem(Kind kind, String field, String message, UriInfo uri) {
        return fieldError(kind, field.isEmpty() ? "body" : field, message, uri);
    }

    /** {@code field: message}, that one field named in the errors. */
    private static Response fieldError(Kind kind, String field, String message, UriInfo uri) {
        return respond(
                kind, field + ": " + message, List.of(new Problem.FieldError(field, message)), uri);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(
                        respond(
                                Kind.UNAUTHORIZED,
                                "A valid bearer token is required.",
                                List.of(),
                                uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response respond(
            Kind kind, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        if (uri.getPath().startsWith(CONSOLE)) {
            return Response.status(kind.status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Pages.problem(kind.status, kind.title, detail).render())
                    .build();
        }
        Problem problem =
                new Problem(kind.type, kind.title, kind.status, detail, uri.getPath(), errors);
        return Response.status(kind.status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code create.body.owner.id} → {@code owner.id}: drop the method and parameter nodes. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() == null
                    || node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(
                        ref ->
                                ref.getFieldName() != null
                                        ? ref.getFieldName()
                                        : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "ISO-8601 date-time";
            case "LocalDate" -> "ISO-8601 date";
            default -> type.getSimpleName().toLowerCase();
        };
    }
}
