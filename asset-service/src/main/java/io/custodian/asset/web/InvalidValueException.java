package io.custodian.asset.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value of the right type that the API does not take (text it can't store, a date outside
 * the range it keeps): 422 naming the field, with {@link #reason()} as the field's message. Thrown
 * while the body is read, so Jackson adds the field's path on the way out.
 */
public class InvalidValueException extends JsonMappingException {

    private final String field;
    private final String reason;

    InvalidValueException(JsonParser parser, String reason) {
        this(parser, null, reason);
    }

    /** For a value found in a tree, whose path Jackson does not know: the field given here. */
    InvalidValueException(JsonParser parser, String field, String reason) {
        super(parser, field == null ? reason : field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field as found in a tree, or {@code null}: then the exception's path names it. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
