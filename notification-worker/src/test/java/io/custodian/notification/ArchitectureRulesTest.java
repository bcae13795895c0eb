package io.custodian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.custodian.local.testing.ArchitectureRules;
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

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
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
