package io.custodian.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.custodian.local.testing.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker's production classes keep the architecture rules ({@link ArchitectureRules}, shared
 * with the asset-service).
 */
class ArchitectureTest {

    private static final String ROOT = "io.custodian.notification";

    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(ROOT);
    }

    @Test
    void noCyclesBetweenFeatures() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(production);
    }

    @Test
    void jaxRsOnlyInResourcesAndWeb() {
        ArchitectureRules.jaxRsOnlyInResourcesAnd(ROOT, "web").check(production);
    }

    @Test
    void kafkaOnlyInEvents() {
        ArchitectureRules.kafkaOnlyIn(ROOT, "events").check(production);
    }

    @Test
    void resourcesAreThin() {
        ArchitectureRules.resourcesAreThin().check(production);
    }
}
