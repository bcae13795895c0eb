package io.custodian.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization as {@code kubectl kustomize} does (Kustomize is built into kubectl).
 * Without kubectl there is nothing to validate, so every test that renders fails, and says how to
 * get it: a missing tool must never pass for valid manifests.
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {}

    /** The objects of one rendered kustomization, in kustomize's order. */
    static List<JsonNode> render(Path kustomization) {
        Path kubectl = kubectl();
        ProcessBuilder command =
                new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString());
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process =
                        command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(
                            "kubectl kustomize " + kustomization + " took over 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(
                            "kubectl kustomize "
                                    + kustomization
                                    + " failed (exit "
                                    + process.exitValue()
                                    + "):\n"
                                    + Files.readString(err, StandardCharsets.UTF_8));
                }
                return objects(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + kustomization, e);
        }
    }

    static List<JsonNode> objects(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    /** $KUBECTL, else kubectl on the PATH, else Debian's /usr/bin/kubectl. */
    static Path kubectl() {
        Optional<Path> found =
                Optional.ofNullable(System.getenv("KUBECTL"))
                        .map(Path::of)
                        .or(
                                () ->
                                        Stream.of(
                                                        System.getenv()
                                                                .getOrDefault("PATH", "")
                                                                .split(java.io.File.pathSeparator))
                                                .filter(dir -> !dir.isEmpty())
                                                .map(dir -> Path.of(dir, "kubectl"))
                                                .filter(Files::isExecutable)
                                                .findFirst())
                        .or(() -> Optional.of(Path.of("/usr/bin/kubectl")))
                        .filter(Files::isExecutable);
        return found.orElseThrow(
                () ->
                        new AssertionError(
                                "kubectl not found ($KUBECTL, the PATH, /usr/bin/kubectl):"
                                    + " deploy/k8s cannot be rendered, so nothing of it is"
                                    + " validated. Install kubectl 1.27 or newer (its built-in"
                                    + " kustomize renders the overlays;"
                                    + " https://kubernetes.io/docs/tasks/tools/), or point $KUBECTL"
                                    + " at one. No cluster is needed."));
    }
}
