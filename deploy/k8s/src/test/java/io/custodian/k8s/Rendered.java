package io.custodian.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** One rendered overlay, read as typed objects where a test needs to look inside them. */
record Rendered(String overlay, List<JsonNode> objects) {

    static Rendered overlay(String name) {
        return new Rendered(name, Manifests.overlay(name));
    }

    <T extends HasMetadata> Stream<T> all(Class<T> model) {
        String kind = HasMetadata.getKind(model);
        return objects.stream()
                .filter(object -> kind.equals(object.path("kind").asText()))
                .map(object -> TypedModels.read(object, model));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> model, String name) {
        return all(model).filter(object -> name.equals(object.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> model, String name) {
        return find(model, name)
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        overlay
                                                + " renders no "
                                                + HasMetadata.getKind(model)
                                                + " "
                                                + name));
    }

    Stream<JsonNode> custom(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText()));
    }

    /** The container that runs the service (named as its Deployment). */
    Container container(String service) {
        return get(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .stream()
                .filter(container -> service.equals(container.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no container " + service));
    }

    /**
     * The variables the service's container is given and where each comes from: a literal value, a
     * ConfigMap's key (envFrom or configMapKeyRef, resolved), or "secret NAME/KEY".
     */
    Map<String, String> environment(String service) {
        Container container = container(service);
        Map<String, String> environment = new TreeMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getSecretRef() != null) {
                throw new AssertionError(
                        service
                                + " takes a whole Secret as variables (envFrom secretRef "
                                + from.getSecretRef().getName()
                                + "): name each variable, so that what is set can be checked");
            }
            String prefix = Optional.ofNullable(from.getPrefix()).orElse("");
            get(ConfigMap.class, from.getConfigMapRef().getName())
                    .getData()
                    .forEach((key, value) -> environment.put(prefix + key, value));
        }
        for (EnvVar variable : container.getEnv()) {
            environment.put(variable.getName(), source(variable));
        }
        return environment;
    }

    private String source(EnvVar variable) {
        if (variable.getValueFrom() == null) {
            return variable.getValue();
        }
        if (variable.getValueFrom().getSecretKeyRef() != null) {
            var ref = variable.getValueFrom().getSecretKeyRef();
            return "secret " + ref.getName() + "/" + ref.getKey();
        }
        if (variable.getValueFrom().getConfigMapKeyRef() != null) {
            var ref = variable.getValueFrom().getConfigMapKeyRef();
            return get(ConfigMap.class, ref.getName()).getData().get(ref.getKey());
        }
        return "field " + variable.getValueFrom();
    }

    /** The names of Secrets the operators write for the rendered custom resources. */
    Set<String> operatorSecrets() {
        Stream<String> kafka =
                custom("Kafka")
                        .map(k -> k.path("metadata").path("name").asText())
                        .flatMap(
                                name ->
                                        Stream.of(
                                                name + "-cluster-ca-cert",
                                                name + "-clients-ca-cert"));
        Stream<String> users =
                custom("KafkaUser").map(u -> u.path("metadata").path("name").asText());
        Stream<String> databases =
                custom("Cluster")
                        .map(c -> c.path("metadata").path("name").asText())
                        .flatMap(name -> Stream.of(name + "-app", name + "-ca"));
        return Stream.of(kafka, users, databases)
                .flatMap(s -> s)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
