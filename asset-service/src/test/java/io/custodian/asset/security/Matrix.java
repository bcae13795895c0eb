package io.custodian.asset.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.custodian.asset.Api;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorization matrix of {@code security/authorization-matrix.csv}, the operations of the
 * contract, and the endpoints the running application really serves; and the checks that tie the
 * three together.
 */
final class Matrix {

    static final String RESOURCE = "security/authorization-matrix.csv";

    /** The callers, in the table's column order. */
    enum Who {
        ANONYMOUS("anonymous"),
        ADMIN("asset-admin"),
        EMPLOYEE("employee"),
        EMPLOYEE_OTHER("employee-other"),
        HR("hr-system"),
        LEADERSHIP("leadership"),
        AUDITOR("auditor"),
        MDM_SYNC("mdm-sync");

        final String column;

        Who(String column) {
            this.column = column;
        }
    }

    /** One table row: the operation ({@code METHOD /path/{param}}) and each caller's outcome. */
    record Row(String operation, Map<Who, String> expected, String note) {
        boolean servedOnly() {
            return note.startsWith("served-only:");
        }

        String method() {
            return operation.substring(0, operation.indexOf(' '));
        }

        String path() {
            return operation.substring(operation.indexOf(' ') + 1);
        }
    }

    private static final Set<String> OUTCOMES = Set.of("allow", "401", "403", "404", "405", "422");
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]*}");

    /** A path parameter that can only be one of some names: {@code {type: Users|Groups}}. */
    private static final Pattern NAMES =
            Pattern.compile("\\{\\s*[^}:\\s]+\\s*:\\s*(\\w+(?:\\|\\w+)+)\\s*}");

    private Matrix() {}

    /** The table, in file order; fails on a malformed line. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = Matrix.class.getClassLoader().getResourceAsStream(RESOURCE);
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header == null) {
                    header = line;
                    String expectedHeader =
                            "operation,"
                                    + String.join(
                                            ",",
                                            java.util.Arrays.stream(Who.values())
                                                    .map(w -> w.column)
                                                    .toList())
                                    + ",note";
                    if (!header.equals(expectedHeader)) {
                        throw new AssertionError(
                                RESOURCE + ": the header must be " + expectedHeader);
                    }
                    continue;
                }
                String[] cells = line.split(",", Who.values().length + 2);
                if (cells.length != Who.values().length + 2) {
                    throw new AssertionError(RESOURCE + ": malformed line: " + line);
                }
                Map<Who, String> expected = new LinkedHashMap<>();
                for (Who who : Who.values()) {
                    String cell = cells[who.ordinal() + 1].trim();
                    if (!OUTCOMES.contains(cell)) {
                        throw new AssertionError(
                                RESOURCE + ": " + cells[0] + " / " + who.column + ": " + cell);
                    }
                    expected.put(who, cell);
                }
                rows.add(new Row(cells[0].trim(), expected, cells[cells.length - 1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Every operation of api-spec/openapi.yaml as {@code METHOD /path/{param}}. */
    static Set<String> specOperations() {
        JsonNode spec;
        try {
            spec = new YAMLMapper().readTree(Api.openApi());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /**
     * What the running application serves: every resource method of every JAX-RS resource bean
     * (test sources included), as {@code METHOD /path/{param}} with parameter regexes removed.
     */
    static Set<String> servedOperations() {
        Set<String> served = new TreeSet<>();
        for (Bean<?> bean :
                Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null || !type.getName().startsWith("io.custodian.")) {
                continue;
            }
            if (root.value().startsWith("/console")) {
                // the console's HTML pages are not the JSON API of the contract: each page calls
                // one API operation's service with that operation's roles (console tests)
                continue;
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    for (String path : join(root.value(), sub == null ? "" : sub.value())) {
                        served.add(verb + " " + path);
                    }
                }
            }
        }
        return served;
    }

    /** The table rows naming no operation of the contract (served-only rows excepted). */
    static List<String> rowsNotInSpec(List<Row> rows, Set<String> spec) {
        return rows.stream()
                .filter(r -> !r.servedOnly() && !spec.contains(r.operation()))
                .map(Row::operation)
                .toList();
    }

    /** The operations of the contract without a table row. */
    static List<String> specWithoutRow(List<Row> rows, Set<String> spec) {
        Set<String> listed = new TreeSet<>();
        rows.forEach(r -> listed.add(r.operation()));
        return spec.stream().filter(op -> !listed.contains(op)).toList();
    }

    /**
     * Fails, naming them, when the application serves an endpoint that neither the contract nor the
     * table lists, or when a served-only row is not served or is in the contract after all.
     */
    static void assertEveryServedEndpointIsListed(
            Set<String> served, Set<String> spec, List<Row> rows) {
        Set<String> known = new TreeSet<>();
        spec.forEach(op -> known.add(shape(op)));
        rows.forEach(r -> known.add(shape(r.operation())));
        List<String> unlisted = served.stream().filter(op -> !known.contains(shape(op))).toList();
        Set<String> servedShapes = new TreeSet<>();
        served.forEach(op -> servedShapes.add(shape(op)));
        List<String> notServed =
                rows.stream()
                        .filter(Row::servedOnly)
                        .map(Row::operation)
                        .filter(
                                op ->
                                        !servedShapes.contains(shape(op))
                                                || spec.stream()
                                                        .anyMatch(s -> shape(s).equals(shape(op))))
                        .toList();
        if (!unlisted.isEmpty() || !notServed.isEmpty()) {
            throw new AssertionError(
                    "Served but neither in api-spec/openapi.yaml nor in "
                            + RESOURCE
                            + ": "
                            + unlisted
                            + "; served-only rows not served or in the contract: "
                            + notServed);
        }
    }

    /** The operation with its parameter names blanked, so {x} and {y: .+} compare equal. */
    static String shape(String operation) {
        return PARAMETER.matcher(operation).replaceAll("{}");
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /**
     * The paths a resource method serves: a parameter that is an alternation of names ({@code
     * {type: Users|Groups}}) serves each name; any other parameter stays a parameter.
     */
    private static List<String> join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Matcher names = NAMES.matcher(path);
        if (names.find()) {
            String before = path.substring(0, names.start());
            String after = path.substring(names.end());
            return java.util.Arrays.stream(names.group(1).split("\\|"))
                    .flatMap(name -> join(before + name, after).stream())
                    .toList();
        }
        // {name: regex} -> {name}
        return List.of(path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}"));
    }
}
