package io.custodian.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the overlays promise beyond valid fields: production is highly available, dev is one of
 * each, every pod is hardened and probed on the port that serves health, and each service is wired
 * to its own database, the Kafka cluster's TLS listener and its own Kafka login, with every Secret
 * either an operator's or one the README says to create.
 */
class OverlayShapeTest {

    static Stream<Arguments> overlaysAndServices() {
        return EnvironmentContractTest.overlaysAndServices();
    }

    @Test
    void shouldRunProductionHighlyAvailable() {
        Rendered prod = Rendered.overlay("prod");

        for (String service : Manifests.SERVICES) {
            Deployment deployment = prod.get(Deployment.class, service);
            Map<String, String> pods = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(deployment.getSpec().getReplicas()).as(service).isGreaterThanOrEqualTo(2);
            assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .as(service + " spread over nodes")
                    .anySatisfy(
                            spread -> {
                                assertThat(spread.getTopologyKey())
                                        .isEqualTo("kubernetes.io/hostname");
                                assertThat(spread.getWhenUnsatisfiable())
                                        .isEqualTo("DoNotSchedule");
                                assertThat(pods)
                                        .containsAllEntriesOf(
                                                spread.getLabelSelector().getMatchLabels());
                            });
            assertThat(prod.all(PodDisruptionBudget.class))
                    .as(service + "'s PodDisruptionBudget")
                    .anySatisfy(
                            pdb ->
                                    assertThat(pods)
                                            .containsAllEntriesOf(
                                                    pdb.getSpec().getSelector().getMatchLabels()));
            assertThat(prod.all(HorizontalPodAutoscaler.class))
                    .as(service + "'s HorizontalPodAutoscaler")
                    .anySatisfy(
                            hpa -> {
                                assertThat(hpa.getSpec().getScaleTargetRef().getName())
                                        .isEqualTo(service);
                                assertThat(hpa.getSpec().getMinReplicas())
                                        .isGreaterThanOrEqualTo(2);
                            });
        }
        int partitions =
                partitions(
                        prod,
                        ServiceConfig.of("notification-worker").setting("custodian.events.topic"));
        assertThat(partitions).as("custodian.events partitions").isEqualTo(12);
        assertThat(
                        prod.get(HorizontalPodAutoscaler.class, "notification-worker")
                                .getSpec()
                                .getMaxReplicas())
                .as("workers beyond the partitions would idle")
                .isLessThanOrEqualTo(partitions);
        assertThat(prod.custom("Cluster"))
                .hasSize(2)
                .allSatisfy(
                        db -> assertThat(db.path("spec").path("instances").asInt()).isEqualTo(3));
        assertThat(prod.custom("KafkaNodePool"))
                .allSatisfy(
                        pool ->
                                assertThat(pool.path("spec").path("replicas").asInt())
                                        .isEqualTo(3));
        assertThat(prod.custom("ScheduledBackup")).hasSize(2);
    }

    @Test
    void shouldRunOneOfEachInDev() {
        Rendered dev = Rendered.overlay("dev");

        assertThat(dev.all(Deployment.class))
                .hasSize(2)
                .allSatisfy(
                        deployment -> assertThat(deployment.getSpec().getReplicas()).isEqualTo(1));
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(dev.custom("Cluster"))
                .allSatisfy(
                        db -> assertThat(db.path("spec").path("instances").asInt()).isEqualTo(1));
    }

    /** Every topic the services name exists as a KafkaTopic, with partitions and a retention. */
    @Test
    void shouldDeclareTheTopicsTheServicesUse() {
        Rendered prod = Rendered.overlay("prod");
        ServiceConfig worker = ServiceConfig.of("notification-worker");
        ServiceConfig assets = ServiceConfig.of("asset-service");
        Set<String> used =
                Stream.of(
                                assets.setting("mp.messaging.outgoing.events.topic"),
                                assets.setting("mp.messaging.incoming.deliveries.topic"),
                                worker.setting("custodian.events.topic"),
                                worker.setting("custodian.events.dead-letter-topic"),
                                worker.setting("mp.messaging.outgoing.delivery-outcomes.topic"))
                        .collect(Collectors.toSet());

        assertThat(
                        prod.custom("KafkaTopic")
                                .map(topic -> topic.path("spec").path("topicName").asText()))
                .containsExactlyInAnyOrderElementsOf(used);
        assertThat(prod.custom("KafkaTopic"))
                .allSatisfy(
                        topic ->
                                assertThat(
                                                topic.path("spec")
                                                        .path("config")
                                                        .path("retention.ms")
                                                        .asLong())
                                        .isPositive());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void shouldHardenAndProbeEveryPod(String overlay, String service) {
        Rendered rendered = Rendered.overlay(overlay);
        PodSpec pod = rendered.get(Deployment.class, service).getSpec().getTemplate().getSpec();
        Container container = rendered.container(service);
        ServiceConfig config = ServiceConfig.of(service);

        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType())
                .isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop())
                .containsExactly("ALL");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        Map<String, Volume> volumes =
                pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        assertThat(container.getVolumeMounts())
                .anySatisfy(
                        mount -> {
                            assertThat(mount.getMountPath()).isEqualTo("/tmp");
                            assertThat(volumes.get(mount.getName()).getEmptyDir()).isNotNull();
                        });

        Map<String, Integer> ports =
                container.getPorts().stream()
                        .collect(
                                Collectors.toMap(
                                        ContainerPort::getName, ContainerPort::getContainerPort));
        assertThat(ports)
                .containsEntry("http", Integer.valueOf(config.setting("quarkus.http.port")))
                .containsEntry(
                        "management", Integer.valueOf(config.setting("quarkus.management.port")));
        assertThat(config.setting("quarkus.management.enabled")).isEqualTo("true");
        assertProbe(container.getStartupProbe(), "/q/health/started");
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal())
                .as(path + " on the management interface")
                .isEqualTo("management");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void shouldWireEachServiceToItsDatabaseAndKafkaOverTls(String overlay, String service) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, String> environment = rendered.environment(service);
        Map<String, String> mounts = secretMounts(rendered, service);
        String database =
                rendered.custom("Cluster")
                        .map(db -> db.path("metadata").path("name").asText())
                        .filter(
                                name ->
                                        environment
                                                .get("CUSTODIAN_DB_URL")
                                                .startsWith(
                                                        "jdbc:postgresql://" + name + "-rw:5432/"))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                service
                                                        + "'s CUSTODIAN_DB_URL is no cluster's -rw"
                                                        + " Service"));
        JsonNode kafka = rendered.custom("Kafka").findFirst().orElseThrow();
        JsonNode listener = kafka.path("spec").path("kafka").path("listeners").get(0);

        assertThat(environment.get("CUSTODIAN_DB_URL"))
                .contains(
                        "sslmode=verify-full",
                        "sslrootcert=" + mounts.get(database + "-ca") + "/ca.crt");
        assertThat(environment)
                .containsEntry("CUSTODIAN_DB_USER", "secret " + database + "-app/username")
                .containsEntry("CUSTODIAN_DB_PASSWORD", "secret " + database + "-app/password");
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(environment)
                .containsEntry(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        kafka.path("metadata").path("name").asText()
                                + "-kafka-bootstrap:"
                                + listener.path("port").asInt())
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret " + service + "/sasl.jaas.config")
                .containsEntry(
                        "KAFKA_SSL_TRUSTSTORE_LOCATION",
                        mounts.get(
                                        kafka.path("metadata").path("name").asText()
                                                + "-cluster-ca-cert")
                                + "/ca.crt");
        assertThat(listener.path("authentication").path("type").asText())
                .isEqualTo("scram-sha-512");
        assertThat(
                        rendered.custom("KafkaUser")
                                .map(user -> user.path("metadata").path("name").asText()))
                .contains(service);
    }

    /** Secret name to where the service's container mounts it (only its ca.crt, never a key). */
    private static Map<String, String> secretMounts(Rendered rendered, String service) {
        PodSpec pod = rendered.get(Deployment.class, service).getSpec().getTemplate().getSpec();
        Map<String, Volume> volumes =
                pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        return rendered.container(service).getVolumeMounts().stream()
                .filter(mount -> volumes.get(mount.getName()).getSecret() != null)
                .peek(
                        mount ->
                                assertThat(volumes.get(mount.getName()).getSecret().getItems())
                                        .as("only the CA certificate of " + mount.getName())
                                        .singleElement()
                                        .satisfies(
                                                item ->
                                                        assertThat(item.getKey())
                                                                .isEqualTo("ca.crt")))
                .collect(
                        Collectors.toMap(
                                mount -> volumes.get(mount.getName()).getSecret().getSecretName(),
                                mount -> mount.getMountPath()));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.FieldSource("io.custodian.k8s.Manifests#OVERLAYS")
    void shouldReferenceOnlyOperatorSecretsOrOnesTheReadmeSaysToCreate(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        String deploy = Readme.section("Deploy to Kubernetes");
        Set<String> generated = rendered.operatorSecrets();
        List<String> referenced = secretNames(rendered.objects()).distinct().toList();

        assertThat(referenced)
                .isNotEmpty()
                .filteredOn(name -> !generated.contains(name))
                .as("Secrets neither an operator writes nor README's 'Deploy to Kubernetes' names")
                .allSatisfy(name -> assertThat(deploy).contains("`" + name + "`"));
    }

    /** Every value of a field that names a Secret, anywhere in the objects. */
    private static Stream<String> secretNames(List<JsonNode> objects) {
        return objects.stream()
                .flatMap(
                        object ->
                                Stream.concat(
                                        object.findValues("secretKeyRef").stream()
                                                .map(ref -> ref.path("name").asText()),
                                        Stream.concat(
                                                object.findValues("secretName").stream()
                                                        .map(JsonNode::asText),
                                                object.findValues("s3Credentials").stream()
                                                        .flatMap(
                                                                credentials ->
                                                                        credentials
                                                                                .findValues("name")
                                                                                .stream()
                                                                                .map(
                                                                                        JsonNode
                                                                                                ::asText)))));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.FieldSource("io.custodian.k8s.Manifests#OVERLAYS")
    void shouldRouteOnlyTheApiAndConsoleAndDenyByDefault(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Service api = rendered.get(Service.class, "asset-service");
        Map<String, String> pods =
                rendered.get(Deployment.class, "asset-service")
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels();

        assertThat(pods).containsAllEntriesOf(api.getSpec().getSelector());
        assertThat(
                        rendered.all(Ingress.class)
                                .flatMap(ingress -> ingress.getSpec().getRules().stream())
                                .flatMap(rule -> rule.getHttp().getPaths().stream()))
                .isNotEmpty()
                .allSatisfy(
                        path -> {
                            assertThat(path.getBackend().getService().getName())
                                    .isEqualTo("asset-service");
                            assertThat(path.getBackend().getService().getPort().getName())
                                    .isEqualTo("http");
                        })
                .extracting(path -> path.getPath())
                .contains("/api", "/scim", "/console");
        assertThat(rendered.all(NetworkPolicy.class))
                .anySatisfy(
                        policy -> {
                            assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                                    .isNullOrEmpty();
                            assertThat(policy.getSpec().getPodSelector().getMatchExpressions())
                                    .isNullOrEmpty();
                            assertThat(policy.getSpec().getPolicyTypes())
                                    .containsExactlyInAnyOrder("Ingress", "Egress");
                            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
                            assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
                        });
        assertThat(
                        rendered.all(NetworkPolicy.class)
                                .filter(
                                        policy ->
                                                "notification-worker"
                                                        .equals(
                                                                policy.getSpec()
                                                                                        .getPodSelector()
                                                                                        .getMatchLabels()
                                                                                == null
                                                                        ? null
                                                                        : policy.getSpec()
                                                                                .getPodSelector()
                                                                                .getMatchLabels()
                                                                                .get(
                                                                                        "app.kubernetes.io/name")))
                                .flatMap(policy -> policy.getSpec().getIngress().stream())
                                .flatMap(rule -> rule.getPorts().stream()))
                .as("the worker is reached on its management port only (no ingress to its API)")
                .allSatisfy(port -> assertThat(port.getPort().getStrVal()).isEqualTo("management"));
    }

    private static int partitions(Rendered rendered, String topic) {
        return rendered.custom("KafkaTopic")
                .filter(t -> topic.equals(t.path("spec").path("topicName").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic " + topic))
                .path("spec")
                .path("partitions")
                .asInt();
    }
}
