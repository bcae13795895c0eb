package io.custodian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.custodian.local.testing.ArchitectureRules;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule fails on the broken classes of {@code archfixtures} (laid out as the
 * worker: features, events, web), names the offender, spares the classes that keep the rule, and
 * says what to do.
 */
class ArchitectureRulesTest {

    private static final String ROOT = "io.custodian.notification.archfixtures";

    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(ROOT);
    }

    @Test
    void aCycleBetweenFeaturesFails() {
        ArchRule rule = ArchitectureRules.noCyclesBetweenFeatures(ROOT);

        assertThat(violations(rule)).contains("feature alpha", "feature beta", ".Alpha", ".Beta");
        assertThat(violations(rule)).doesNotContain("feature delivery", "feature events");
        assertFailsSaying(rule, "feature packages depend one way");
    }

    @Test
    void jaxRsOutsideResourcesAndWebFails() {
        ArchRule rule = ArchitectureRules.jaxRsOnlyInResourcesAnd(ROOT, "web");

        assertThat(violations(rule))
                .contains("delivery.LeakyHandler")
                .doesNotContain("ThinResource", "web.Mapper");
        assertFailsSaying(rule, "endpoints go in a *Resource class");
    }

    @Test
    void kafkaOutsideEventsFails() {
        ArchRule rule = ArchitectureRules.kafkaOnlyIn(ROOT, "events");

        assertThat(violations(rule))
                .contains("delivery.RecordPeeker")
                .doesNotContain("events.Consumer");
        assertFailsSaying(rule, "knows the broker");
    }

    @Test
    void aResourceThatTouchesPersistenceFails() {
        ArchRule rule = ArchitectureRules.resourcesAreThin();

        assertThat(violations(rule))
                .contains("delivery.EntityManagerResource", "delivery.PanacheResource")
                .doesNotContain("ThinResource");
        assertFailsSaying(rule, "a resource checks its input and delegates");
    }

    @Test
    void anotherFeaturesPersistenceFails() throws IOException {
        JavaClasses fixtures = persistenceFixtures();
        ArchRule rule =
                ArchitectureRules.persistenceStaysInItsFeature(
                        ROOT,
                        ArchitectureRules.Shared.readType(
                                ROOT + ".records.Recipient", "a public read type"),
                        ArchitectureRules.Shared.with(
                                ROOT + ".records.BulkShipments", "the reports' writer", "reports"));

        assertThat(violations(rule, fixtures))
                .contains(
                        "reports.EntityPeeker",
                        "reports.StorePeeker",
                        "delivery.BulkPeeker",
                        "reports.RecipientQuery")
                .doesNotContain("SharedReader", "Method <" + ROOT + ".records.");
        assertThatThrownBy(() -> rule.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("each table has one owner");
    }

    /**
     * The persistence rule's fixtures declare {@code @Entity} classes, which the worker's own
     * persistence unit must never see (its schema is validated): so they are sources among the test
     * resources ({@code archfixtures/persistence}), compiled here into a folder of their own.
     */
    private static JavaClasses persistenceFixtures() throws IOException {
        Path sources;
        try {
            sources =
                    Path.of(
                            ArchitectureRulesTest.class
                                    .getResource("/archfixtures/persistence")
                                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> arguments = new ArrayList<>();
        Path classes = Files.createTempDirectory("archfixtures");
        arguments.addAll(List.of("-d", classes.toString(), "-cp", jarOf(Entity.class)));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> arguments.add(f.toString()));
        }
        int status =
                ToolProvider.getSystemJavaCompiler()
                        .run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("the persistence fixtures compile").isZero();
        return new ClassFileImporter().importPath(classes);
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String violations(ArchRule rule) {
        return violations(rule, fixtures);
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("%s reports a violation", rule).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    /** {@code ./mvnw verify} fails with the rule's reason, which says what to do. */
    private static void assertFailsSaying(ArchRule rule, String reason) {
        assertThatThrownBy(() -> rule.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(reason);
    }
}
