package io.custodian.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The variables the manifests give each service are exactly the ones it reads
 * (application.properties' references, the settings Quarkus maps from variables) and the README
 * documents: none set that nothing reads, none the service needs left out, none documented that it
 * does not read.
 */
class EnvironmentContractTest {

    static final java.util.List<String> SERVICES = Manifests.SERVICES;

    static Stream<Arguments> overlaysAndServices() {
        return Manifests.OVERLAYS.stream()
                .flatMap(
                        overlay ->
                                SERVICES.stream().map(service -> Arguments.of(overlay, service)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void shouldSetOnlyVariablesTheServiceReadsAndTheReadmeDocuments(
            String overlay, String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Set<String> set = Rendered.overlay(overlay).environment(service).keySet();

        assertThat(set)
                .as("%s sets for %s, which does not read them", overlay, service)
                .allMatch(config::reads);
        assertThat(set)
                .as("%s sets for %s, not in README's configuration table", overlay, service)
                .isSubsetOf(Readme.configuration().get(service));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void shouldSetEveryVariableTheServiceNeedsInProduction(String overlay, String service) {
        Map<String, String> environment = Rendered.overlay(overlay).environment(service);

        assertThat(environment.keySet())
                .as("%s leaves out for %s", overlay, service)
                .containsAll(ServiceConfig.of(service).required());
        assertThat(environment)
                .as("%s sets for %s", overlay, service)
                .allSatisfy((name, value) -> assertThat(value).as(name).isNotBlank());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void shouldDocumentOnlyVariablesTheServiceReads(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Set<String> documented = new TreeSet<>(Readme.configuration().get(service));

        assertThat(documented)
                .as("README documents for %s, which does not read them", service)
                .allMatch(config::reads);
        assertThat(documented)
                .as("README's configuration table for %s", service)
                .containsAll(config.required());
    }
}
