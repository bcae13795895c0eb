package io.custodian.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Every object of every overlay is what its kind's model or schema allows, and a typo is not. */
class ManifestsAreValidTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void shouldRenderOnlyObjectsTheirModelsAndSchemasAccept(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);

        assertThat(objects)
                .extracting(Manifests::type)
                .contains(
                        "apps/v1/Deployment",
                        "kafka.strimzi.io/v1/Kafka",
                        "kafka.strimzi.io/v1/KafkaTopic",
                        "kafka.strimzi.io/v1/KafkaUser",
                        "postgresql.cnpg.io/v1/Cluster");
        assertThat(Manifests.problems(objects)).as(overlay).isEmpty();
    }

    /**
     * One misspelt field of each family (built-in, Strimzi, CloudNativePG and its backup plugin).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    base/asset-service/deployment.yaml | readOnlyRootFilesystem: true | readOnlyRootFileSystem: true | readOnlyRootFileSystem
                    base/notification-worker/hpa.yaml  | minReplicas: 2               | minReplica: 2                 | minReplica
                    base/kafka/topics.yaml             | partitions: 12               | partition: 12                 | partition
                    base/kafka/users.yaml              | patternType: literal         | patternTyp: literal           | patternTyp
                    base/kafka/kafka.yaml              | metadataVersion: 4.1-IV1     | replicas: 3                   | replicas
                    base/postgres/assets-db.yaml       | instances: 3                 | instance: 3                   | instance
                    base/postgres/assets-db.yaml       | retentionPolicy: 30d         | retentionPolicies: 30d        | retentionPolicies
                    base/postgres/assets-db.yaml       | backupOwnerReference: self   | backupOwnerRef: self          | backupOwnerRef
                    overlays/prod/egress.yaml          | cidr: 192.0.2.25/32          | cdir: 192.0.2.25/32           | cdir
                    """)
    void shouldFailOnAMisspeltField(
            String file, String field, String typo, String named, @TempDir Path copy)
            throws IOException {
        Path k8s = Manifests.root().resolve("deploy/k8s");
        copyTree(k8s.resolve("base"), copy.resolve("base"));
        copyTree(k8s.resolve("overlays"), copy.resolve("overlays"));
        Path broken = copy.resolve(file);
        String text = Files.readString(broken, StandardCharsets.UTF_8);
        assertThat(text).as(file).contains(field);
        Files.writeString(broken, text.replaceFirst(java.util.regex.Pattern.quote(field), typo));

        List<String> problems = Manifests.problems(Kustomize.render(copy.resolve("overlays/prod")));

        assertThat(problems)
                .as("what the copy with '%s' in %s renders", typo, file)
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).contains(named));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
