package io.custodian.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an object into its typed Java model and refuses what the model does not know. fabric8's and
 * Strimzi's models keep unknown fields in an "additional properties" map instead of failing; here
 * that catch-all is taken away (and unknown properties fail, scalars are not coerced), so a
 * misspelt field is an error naming its path.
 */
final class TypedModels {

    /**
     * apiVersion/kind to model: the built-in kinds of deploy/k8s (fabric8's, named by their @Group
     * and @Version) and Strimzi's, whose one model serves each of its API versions (here: v1).
     */
    private static final Map<String, Class<? extends HasMetadata>> MODELS =
            Stream.concat(
                            Stream.of(
                                            Namespace.class,
                                            ServiceAccount.class,
                                            ConfigMap.class,
                                            Secret.class,
                                            Service.class,
                                            PersistentVolumeClaim.class,
                                            Deployment.class,
                                            PodDisruptionBudget.class,
                                            HorizontalPodAutoscaler.class,
                                            NetworkPolicy.class,
                                            Ingress.class)
                                    .map(
                                            model ->
                                                    Map.entry(
                                                            HasMetadata.getApiVersion(model),
                                                            model)),
                            Stream.of(
                                            Kafka.class,
                                            KafkaNodePool.class,
                                            KafkaTopic.class,
                                            KafkaUser.class)
                                    .map(
                                            model ->
                                                    Map.entry(
                                                            HasMetadata.getGroup(model) + "/v1",
                                                            model)))
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    entry ->
                                            entry.getKey()
                                                    + "/"
                                                    + HasMetadata.getKind(entry.getValue()),
                                    Map.Entry::getValue));

    static final ObjectMapper STRICT =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .addModule(
                            new SimpleModule("strict")
                                    .setDeserializerModifier(new WithoutCatchAll()))
                    .build();

    private TypedModels() {}

    static boolean knows(String type) {
        return MODELS.containsKey(type);
    }

    static <T> T read(JsonNode object, Class<T> model) {
        try {
            return STRICT.treeToValue(object, model);
        } catch (JsonMappingException e) {
            throw new AssertionError(describe(e), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e.getOriginalMessage(), e);
        }
    }

    /** What the model refuses in the object, if anything. */
    static Optional<String> problem(String type, JsonNode object) {
        return problem(object, MODELS.get(type));
    }

    /** For kinds checked against a CRD schema: their metadata is a plain ObjectMeta. */
    static Optional<String> metadataProblem(JsonNode object) {
        return problem(object.path("metadata"), ObjectMeta.class).map(p -> "metadata." + p);
    }

    private static Optional<String> problem(JsonNode object, Class<?> model) {
        try {
            STRICT.treeToValue(object, model);
            return Optional.empty();
        } catch (JsonMappingException e) {
            return Optional.of(describe(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.of(e.getOriginalMessage());
        }
    }

    private static String describe(JsonMappingException e) {
        String path =
                e.getPath().stream()
                        .map(
                                ref ->
                                        ref.getFieldName() != null
                                                ? "." + ref.getFieldName()
                                                : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining())
                        .replaceFirst("^\\.", "");
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (class ");
        return path + ": " + (cut > 0 ? message.substring(0, cut) : message);
    }

    /** Drops the models' @JsonAnySetter catch-all, so that an unknown field fails instead. */
    private static final class WithoutCatchAll extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(
                DeserializationConfig config,
                BeanDescription description,
                BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            builder.setIgnoreUnknownProperties(false);
            return builder;
        }
    }
}
