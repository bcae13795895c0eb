package io.custodian.asset.web;

import java.util.List;
import java.util.Map;

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

    /**
     * The parameter's only value as given (null if absent); 400 if given twice. What counts as
     * empty is each list's own.
     */
    public static String once(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid(name, "give it at most once");
        }
        return values.get(0);
    }
}
