package io.custodian.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** deploy/k8s's overlays, rendered, and what is wrong with each object of them. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("asset-service", "notification-worker");

    private Manifests() {}

    /** The repository's root: the tests run in deploy/k8s. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/k8s/base/kustomization.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Custodian repository");
        }
        return dir;
    }

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    /** An overlay as kubectl renders it (once per test run: the tests only read it). */
    static List<JsonNode> overlay(String name) {
        return RENDERED.computeIfAbsent(
                name,
                n ->
                        List.copyOf(
                                Kustomize.render(
                                        root().resolve("deploy/k8s/overlays").resolve(n))));
    }

    static String type(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    }

    /**
     * Every problem of every object: built-in kinds read strictly into fabric8's models, Strimzi's
     * into io.strimzi:api's and against its CRDs (the models serve every API version alike; the v1
     * schema knows what v1 dropped), CloudNativePG's against its CRDs. A kind known to neither is a
     * problem too.
     */
    static List<String> problems(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String type = type(object);
            List<String> found = new ArrayList<>();
            if (TypedModels.knows(type)) {
                TypedModels.problem(type, object).ifPresent(found::add);
            }
            if (CrdSchemas.knows(type)) {
                found.addAll(CrdSchemas.problems(type, object));
                if (!TypedModels.knows(type)) {
                    TypedModels.metadataProblem(object).ifPresent(found::add);
                }
            }
            if (!TypedModels.knows(type) && !CrdSchemas.knows(type)) {
                found.add(
                        "no model or CRD schema for "
                                + type
                                + ": add one to TypedModels or CrdSchemas");
            }
            found.forEach(problem -> problems.add(id(object) + ": " + problem));
        }
        return problems;
    }
}
