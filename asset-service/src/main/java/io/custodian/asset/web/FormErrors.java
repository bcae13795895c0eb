package io.custodian.asset.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A console form's field errors from what a service refused: the same {@code field → message} pairs
 * the API's problem details name, so the page shows them next to its fields. Anything but invalid
 * input (a 404, a conflict) is not a field error and is thrown on, to the error page.
 */
public final class FormErrors {

    private FormErrors() {}

    /**
     * The field errors of a refusal: a {@link ProblemException} of kind validation, or a bean
     * validation failure (the last node of each path, as the form names its fields).
     *
     * @throws RuntimeException {@code refusal} itself when it is anything else
     */
    public static Map<String, String> of(RuntimeException refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal instanceof ProblemException problem
                && problem.kind() == ProblemException.Kind.VALIDATION) {
            problem.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            if (errors.isEmpty()) {
                errors.put("form", problem.getMessage());
            }
            return errors;
        }
        if (refusal instanceof ConstraintViolationException invalid) {
            for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
                errors.putIfAbsent(field(violation), violation.getMessage());
            }
            return errors;
        }
        throw refusal;
    }

    /**
     * A console form's post: the command, then a 303 to {@code then} (so a reload does not repeat
     * it); when the service refuses the input, 422 with the page {@code refused} renders from the
     * field errors. Any other refusal goes on to the error pages.
     */
    public static Response submitted(
            Runnable command, URI then, Function<Map<String, String>, Object> refused) {
        return submitted(
                () -> {
                    command.run();
                    return then;
                },
                refused);
    }

    /** As above, for a command whose result says where to go next (the record it made). */
    public static Response submitted(
            Supplier<URI> command, Function<Map<String, String>, Object> refused) {
        return submit(command, refused, false);
    }

    /**
     * As {@link #submitted(Supplier, Function)}, and a conflict the service ties to a field (a
     * check-out to someone who has not acknowledged the current rules) is shown next to that field
     * too, with the API's status, 409, and its detail as {@code form}.
     */
    public static Response submittedOrRefusedAtAField(
            Supplier<URI> command, Function<Map<String, String>, Object> refused) {
        return submit(command, refused, true);
    }

    private static Response submit(
            Supplier<URI> command,
            Function<Map<String, String>, Object> refused,
            boolean conflictsAtFields) {
        try {
            return Response.seeOther(command.get()).build();
        } catch (ProblemException e) {
            if (conflictsAtFields
                    && e.kind() == ProblemException.Kind.CONFLICT
                    && !e.errors().isEmpty()) {
                Map<String, String> errors = new LinkedHashMap<>();
                errors.put("form", e.getMessage());
                e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
                return Response.status(409).entity(refused.apply(errors)).build();
            }
            return Response.status(422).entity(refused.apply(of(e))).build();
        } catch (ConstraintViolationException e) {
            return Response.status(422).entity(refused.apply(of(e))).build();
        }
    }

    /**
     * A console search form (a GET): 200 with the results; when the service refuses a parameter,
     * 400 with the page {@code refused} renders from its field errors, as the API's problem names
     * them.
     */
    public static Response searched(
            Supplier<Object> results, Function<Map<String, String>, Object> refused) {
        try {
            return Response.ok(results.get()).build();
        } catch (ProblemException e) {
            if (e.kind() != ProblemException.Kind.MALFORMED_REQUEST || e.errors().isEmpty()) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            return Response.status(400).entity(refused.apply(errors)).build();
        }
    }

    private static String field(ConstraintViolation<?> violation) {
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node.getName();
        }
        return last;
    }
}
