package io.custodian.asset.scim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * RFC 7644 §3.4.2: one page of results, of users, groups or discovery resources; {@code startIndex}
 * counts from 1.
 */
record ListResponse<T>(
        List<String> schemas,
        long totalResults,
        int startIndex,
        int itemsPerPage,
        @JsonProperty("Resources") List<T> resources) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    /** The most resources one page holds ({@code count}'s maximum and default). */
    static final int MAX_RESULTS = 200;

    static <T> ListResponse<T> of(long total, int startIndex, List<T> page) {
        return new ListResponse<>(List.of(SCHEMA), total, startIndex, page.size(), page);
    }

    /** The page a list request asks for: {@code startIndex} from 1, {@code count} up to the max. */
    record Paging(int start, int size) {

        static Paging of(String startIndex, String count) {
            return new Paging(
                    Math.max(1, number("startIndex", startIndex, 1)),
                    Math.min(MAX_RESULTS, Math.max(0, number("count", count, MAX_RESULTS))));
        }

        /** The first result's offset, counting from 0. */
        int first() {
            return start - 1;
        }
    }

    private static int number(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer.");
        }
    }
}
