package io.custodian.asset.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7396): objects merge recursively, null removes, anything else replaces. */
public final class MergePatch {

    private MergePatch() {}

    /** Applies {@code patch} to {@code target}, in place. */
    public static void apply(ObjectNode target, ObjectNode patch) {
        patch.properties()
                .forEach(
                        entry -> {
                            JsonNode value = entry.getValue();
                            JsonNode current = target.get(entry.getKey());
                            if (value.isNull()) {
                                target.putNull(entry.getKey());
                            } else if (value.isObject() && current != null && current.isObject()) {
                                apply((ObjectNode) current, (ObjectNode) value);
                            } else {
                                target.set(entry.getKey(), value);
                            }
                        });
    }
}
