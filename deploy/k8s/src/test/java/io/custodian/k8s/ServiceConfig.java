package io.custodian.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What one service reads from its environment in production: the {@code ${VARIABLE}} references of
 * its application.properties as the prod profile sees them, and the variables Quarkus maps onto
 * settings itself ({@code QUARKUS_HTTP_PORT} onto quarkus.http.port; every {@code KAFKA_*} onto a
 * Kafka client setting, {@code KAFKA_SASL_JAAS_CONFIG} onto sasl.jaas.config).
 */
final class ServiceConfig {

    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Set<String> KAFKA_SETTINGS =
            Stream.of(
                            ProducerConfig.configNames(),
                            ConsumerConfig.configNames(),
                            AdminClientConfig.configNames())
                    .flatMap(Set::stream)
                    .collect(Collectors.toUnmodifiableSet());

    /** Defaults that serve the local run only and must never reach production. */
    private static final Pattern LOCAL_ONLY =
            Pattern.compile("127\\.0\\.0\\.1|localhost|not-for-production|deploy/local");

    final String service;

    /** The settings in effect under the prod profile. */
    final Map<String, String> settings;

    /** Variable to its default (empty: none). */
    final Map<String, Optional<String>> references;

    private ServiceConfig(
            String service,
            Map<String, String> settings,
            Map<String, Optional<String>> references) {
        this.service = service;
        this.settings = settings;
        this.references = references;
    }

    static ServiceConfig of(String service) {
        Properties file = new Properties();
        try (Reader in =
                Files.newBufferedReader(
                        Manifests.root()
                                .resolve(service)
                                .resolve("src/main/resources/application.properties"),
                        StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        file.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .forEach(key -> settings.put(key, file.getProperty(key)));
        file.stringPropertyNames().stream()
                .filter(key -> key.startsWith("%prod."))
                .forEach(
                        key ->
                                settings.put(
                                        key.substring("%prod.".length()), file.getProperty(key)));
        Map<String, Optional<String>> references = new HashMap<>();
        settings.values()
                .forEach(
                        value -> {
                            Matcher reference = REFERENCE.matcher(value);
                            while (reference.find()) {
                                references.put(
                                        reference.group(1),
                                        Optional.ofNullable(reference.group(2)));
                            }
                        });
        return new ServiceConfig(service, Map.copyOf(settings), Map.copyOf(references));
    }

    /** Does the service read this variable? */
    boolean reads(String variable) {
        if (references.containsKey(variable)) {
            return true;
        }
        String setting = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        if (variable.startsWith("KAFKA_")) {
            return KAFKA_SETTINGS.contains(setting.substring("kafka.".length()));
        }
        return variable.startsWith("QUARKUS_") && settings.containsKey(setting);
    }

    /** The variables production must set: no default, or a default of the local run only. */
    Set<String> required() {
        return references.entrySet().stream()
                .filter(
                        reference ->
                                reference.getValue().isEmpty()
                                        || LOCAL_ONLY.matcher(reference.getValue().get()).find())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    String setting(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new AssertionError(service + "'s application.properties has no " + key);
        }
        return value;
    }
}
