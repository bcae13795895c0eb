package io.custodian.notification;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;

/**
 * The worker's architecture rules, for the classes under a root package: the worker's own ({@link
 * ArchitectureTest}) and a deliberately broken set of the same layout ({@code archfixtures}, {@link
 * ArchitectureRulesTest}), which proves that each rule fails.
 */
final class ArchitectureRules {

    private ArchitectureRules() {}

    /** No cycles between the feature packages directly under the root. */
    static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .because(
                        "feature packages depend one way: move what both sides use into the"
                                + " package lower down (events, delivery) or let the lower one"
                                + " declare an interface the higher one implements");
    }

    /** JAX-RS only in {@code *Resource} classes and in the HTTP plumbing ({@code <root>.web}). */
    static ArchRule jaxRsOnlyInResourcesAndWeb(String root) {
        return noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Resource")
                .and()
                .resideOutsideOfPackage(root + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..")
                .because(
                        "HTTP stays at the edge: endpoints go in a *Resource class, exception"
                                + " mappers, filters and problem responses in "
                                + root
                                + ".web; hand feature code plain values, not JAX-RS types");
    }

    /**
     * Kafka only in {@code <root>.events}, where the consumer and the dead-letter producer live.
     */
    static ArchRule kafkaOnlyInEvents(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive.messaging.kafka..")
                .because(
                        "only "
                                + root
                                + ".events knows the broker: features get an InboundEvent and"
                                + " answer Handled; put anything that needs Kafka types (records,"
                                + " metadata, producers) in events");
    }

    /** Resources are thin: no EntityManager and no Panache entity or repository. */
    static ArchRule resourcesAreThin() {
        return noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat(
                        or(
                                assignableTo(EntityManager.class),
                                assignableTo(PanacheEntityBase.class),
                                assignableTo(PanacheRepositoryBase.class),
                                resideInAnyPackage("io.quarkus.hibernate.orm.panache..")))
                .because(
                        "a resource checks its input and delegates: move the query into a"
                                + " package-private service of its feature (as DeliveryLog does"
                                + " for DeliveryResource) and call that");
    }
}
