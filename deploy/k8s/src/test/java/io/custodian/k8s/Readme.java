package io.custodian.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the README tells an operator: the configuration table and the deployment section. */
final class Readme {

    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private Readme() {}

    static String text() {
        try {
            return Files.readString(Manifests.root().resolve("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a "## " section, up to the next one. */
    static String section(String heading) {
        String text = text();
        int start = text.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new AssertionError("README has no section '## " + heading + "'");
        }
        int end = text.indexOf("\n## ", start + 4);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /**
     * Service (asset-service, notification-worker) to the variables "Configuration" documents for
     * it.
     */
    static Map<String, Set<String>> configuration() {
        Map<String, Set<String>> documented = new HashMap<>();
        for (String line : section("Configuration").split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| `") || cells.length < 3) {
                continue;
            }
            Set<String> services =
                    switch (cells[2].trim()) {
                        case "both" -> Set.copyOf(Manifests.SERVICES);
                        case "worker" -> Set.of("notification-worker");
                        default -> Set.of(cells[2].trim());
                    };
            Matcher variable = VARIABLE.matcher(cells[1]);
            while (variable.find()) {
                for (String service : services) {
                    documented
                            .computeIfAbsent(service, s -> new HashSet<>())
                            .add(variable.group(1));
                }
            }
        }
        return documented;
    }
}
