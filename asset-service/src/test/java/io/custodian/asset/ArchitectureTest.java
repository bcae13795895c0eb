package io.custodian.asset;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.custodian.local.testing.ArchitectureRules;
import io.custodian.local.testing.ArchitectureRules.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The asset-service's production classes keep the architecture rules ({@link ArchitectureRules},
 * shared with the worker, whose {@code ArchitectureRulesTest} proves each rule fails on broken
 * classes): no cycles between features; JAX-RS only in resources, {@code web} and {@code security}
 * (filters and mappers of the HTTP layer); Kafka only in {@code outbox}; thin resources; each
 * feature's persistence its own, but for the shared types named here with their reasons.
 */
class ArchitectureTest {

    private static final String ROOT = "io.custodian.asset";

    /** Why the register's assets, people and groups are public read types. */
    private static final String REFERRED =
            "other features' entities refer to it and their views and events show it; its queries"
                    + " and writes stay with its feature";

    /**
     * Why an import uses four features' bulk writers: set-based JDBC on the import's connection and
     * transaction, kept by each table's owner next to its other writers.
     */
    private static final String BULK = "an import's set-based writer, owned by the table's feature";

    private static final String BULK_CUSTODY =
            "an import's set-based writer of the custody it migrates (a Snipe-IT assignee), owned"
                    + " by custody; it writes custody only, from the asset ids and holders imports"
                    + " gives it";

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

    @Test
    void shouldKeepEachFeaturesPersistenceInTheFeature() {
        ArchitectureRules.persistenceStaysInItsFeature(
                        ROOT,
                        Shared.readType(ROOT + ".inventory.Asset", REFERRED),
                        Shared.readType(ROOT + ".ownership.Person", REFERRED),
                        Shared.readType(ROOT + ".ownership.Group", REFERRED),
                        Shared.with(ROOT + ".inventory.BulkRegister", BULK, "imports"),
                        Shared.with(ROOT + ".history.BulkHistory", BULK, "imports"),
                        Shared.with(ROOT + ".ownership.BulkParties", BULK, "imports"),
                        Shared.with(ROOT + ".custody.BulkCustody", BULK_CUSTODY, "imports"))
                .check(production);
    }
}
