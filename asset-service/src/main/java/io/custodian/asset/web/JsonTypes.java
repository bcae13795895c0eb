package io.custodian.asset.web;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.UUID;

/** The JSON type a Java type is read from, as an error message names it. */
final class JsonTypes {

    private JsonTypes() {}

    static String expected(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (type == String.class
                || type == UUID.class
                || type.isEnum()
                || Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}
