package io.custodian.asset.web;

import java.util.List;

/**
 * Problems with a query parameter: 400, naming the parameter, for the search and list endpoints.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /**
     * {@code limit: must be at most 1000} as a 400 problem whose {@code errors} name the parameter.
     */
    public static ProblemException invalid(String parameter, String message) {
        return new ProblemException(
                ProblemException.Kind.MALFORMED_REQUEST,
                parameter + ": " + message,
                List.of(new Problem.FieldError(parameter, message)));
    }
}
