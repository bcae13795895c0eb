package io.custodian.asset;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.custodian.local.testing.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The asset-service's production classes keep the architecture rules ({@link ArchitectureRules},
 * shared with the worker, whose {@code ArchitectureRulesTest} proves each rule fails on broken
 * classes): no cycles between features; JAX-RS only in resources, {@code web} and {@code security}
 * (filters and mappers of the HTTP layer); Kafka only in {@code outbox}; thin resources.
 */
class ArchitectureTest {

    private static final String ROOT = "io.custodian.asset";

    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(ROOT);
    }

    @Test
    void shouldHaveNoCyclesBetweenFeatures() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(production);
    }

    @Test
    void shouldKeepJaxRsInResourcesWebAndSecurity() {
        ArchitectureRules.jaxRsOnlyInResourcesAnd(ROOT, "web", "security").check(production);
    }

    @Test
    void shouldKeepKafkaInTheOutbox() {
        ArchitectureRules.kafkaOnlyIn(ROOT, "outbox").check(production);
    }

    @Test
    void shouldKeepResourcesThin() {
        ArchitectureRules.resourcesAreThin().check(production);
    }
}
