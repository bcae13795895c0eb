package io.custodian.local.testing;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The services' architecture rules, for the classes under a root package: each service applies them
 * to its own classes (its {@code ArchitectureTest}), and the worker's {@code ArchitectureRulesTest}
 * proves on a deliberately broken set of classes that each rule fails.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** No cycles between the feature packages directly under the root. */
    public static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .because(
                        "feature packages depend one way: move what both sides use into the"
                                + " package lower down (web, events, outbox) or let the lower one"
                                + " declare an interface the higher one implements");
    }

    /**
     * JAX-RS only in {@code *Resource} classes and in the HTTP plumbing packages under the root
     * (exception mappers, filters, problem responses).
     */
    public static ArchRule jaxRsOnlyInResourcesAnd(String root, String... httpPackages) {
        String[] allowed = under(root, httpPackages);
        return noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Resource")
                .and()
                .resideOutsideOfPackages(allowed)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..")
                .because(
                        "HTTP stays at the edge: endpoints go in a *Resource class, exception"
                                + " mappers, filters and problem responses in "
                                + String.join(" or ", allowed)
                                + "; hand feature code plain values (e.g. a Listing), not JAX-RS"
                                + " types");
    }

    /** Kafka only in the messaging packages under the root. */
    public static ArchRule kafkaOnlyIn(String root, String... messagingPackages) {
        String[] allowed = under(root, messagingPackages);
        return noClasses()
                .that()
                .resideOutsideOfPackages(allowed)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive.messaging.kafka..")
                .because(
                        "only "
                                + String.join(" and ", allowed)
                                + " knows the broker: features hand over or take plain events;"
                                + " put anything that needs Kafka types (records, metadata,"
                                + " producers) there");
    }

    /** Resources are thin: no EntityManager and no Panache entity or repository. */
    public static ArchRule resourcesAreThin() {
        return noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat(
                        or(
                                assignableTo("jakarta.persistence.EntityManager"),
                                assignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase"),
                                assignableTo(
                                        "io.quarkus.hibernate.orm.panache.PanacheRepositoryBase"),
                                resideInAnyPackage("io.quarkus.hibernate.orm.panache..")))
                .because(
                        "a resource checks its input and delegates: move the query into a"
                                + " package-private service of its feature and call that");
    }

    private static String[] under(String root, String... packages) {
        return Arrays.stream(packages).map(p -> root + "." + p + "..").toArray(String[]::new);
    }
}
