package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters identity providers send to find a user before provisioning (RFC 7644 §3.4.2.2): one
 * {@code eq} comparison on {@code userName} (case-insensitive, as the attribute is not caseExact),
 * {@code externalId}, {@code id} or {@code emails.value}. Anything else is {@code invalidFilter}.
 */
record ScimFilter(Attribute attribute, String value) {

    enum Attribute {
        USER_NAME,
        EXTERNAL_ID,
        ID,
        EMAIL
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern COMPARISON =
            Pattern.compile(
                    "^\\s*([A-Za-z][\\w:.\\-]*)\\s+([A-Za-z]{2})\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s*$");

    static ScimFilter parse(String filter) {
        Matcher m = COMPARISON.matcher(filter);
        if (!m.matches()) {
            throw ScimException.invalidFilter(
                    "Only a single comparison like userName eq \"ada@example.com\" is supported: "
                            + filter);
        }
        String operator = m.group(2).toLowerCase(Locale.ROOT);
        if (!operator.equals("eq")) {
            throw ScimException.invalidFilter(
                    "Only the eq operator is supported, not " + m.group(2) + ".");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String core = ScimUser.CORE.toLowerCase(Locale.ROOT) + ":";
        if (name.startsWith(core)) {
            name = name.substring(core.length());
        }
        Attribute attribute =
                switch (name) {
                    case "username" -> Attribute.USER_NAME;
                    case "externalid" -> Attribute.EXTERNAL_ID;
                    case "id" -> Attribute.ID;
                    case "emails", "emails.value" -> Attribute.EMAIL;
                    default ->
                            throw ScimException.invalidFilter(
                                    "Filtering by "
                                            + m.group(1)
                                            + " is not supported; use userName, externalId, id"
                                            + " or emails.value.");
                };
        try {
            return new ScimFilter(attribute, JSON.readValue(m.group(3), String.class));
        } catch (IOException e) {
            throw ScimException.invalidFilter("The filter's value is not a valid string.");
        }
    }
}
