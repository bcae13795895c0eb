package io.custodian.local.testing;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    /**
     * A documented exception to {@link #persistenceStaysInItsFeature}: the persistence type {@code
     * type} (fully qualified) that the features {@code features} may use too (every feature when
     * none is named), and why.
     */
    public record Shared(String type, List<String> features, String because) {

        /**
         * An entity that is deliberately a public read type: every feature may refer to it and read
         * its fields, and call what its own class declares; the queries and writes it inherits
         * (Panache's {@code find}, {@code list}, {@code getEntityManager}, {@code persist}, …) stay
         * its feature's.
         */
        public static Shared readType(String type, String because) {
            return new Shared(type, List.of(), because);
        }

        /** A persistence type that the named features (packages directly under the root) use. */
        public static Shared with(String type, String because, String... features) {
            return new Shared(type, List.of(features), because);
        }

        /** A read type, for a feature other than its own: it may read, not query or write. */
        boolean readsOnly(JavaClass target, String feature) {
            return features.isEmpty() && target.getName().equals(type);
        }

        /** Shared with this feature by name: it may query and write the type too. */
        boolean grants(JavaClass target, String feature) {
            return features.contains(feature) && target.getName().equals(type);
        }

        /** The type itself, or one it declares, used from one of the features it is shared with. */
        boolean allows(JavaClass target, String feature) {
            return outermost(target).getName().equals(type)
                    && (features.isEmpty() || features.contains(feature));
        }
    }

    /**
     * A feature's persistence is its own: no class of one feature package under the root depends on
     * another feature's {@code @Entity} classes, or on its {@code *Store}, {@code *Search} or
     * {@code Bulk*} classes and the types they declare, but for the documented {@code shared}
     * exceptions. So each table has one owner, and other features go through its public methods.
     * The enums an entity declares (its statuses and kinds) are plain values, not persistence.
     */
    public static ArchRule persistenceStaysInItsFeature(String root, Shared... shared) {
        List<Shared> exceptions = List.of(shared);
        ArchCondition<JavaClass> ownPersistenceOnly =
                new ArchCondition<>("use no other feature's persistence") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> feature = feature(root, origin);
                        if (feature.isEmpty()) {
                            return;
                        }
                        for (JavaMethodCall call : origin.getMethodCallsFromSelf()) {
                            JavaClass target = call.getTargetOwner();
                            Optional<String> owner = feature(root, target);
                            if (owner.isPresent()
                                    && !owner.equals(feature)
                                    && inherited(call)
                                    && exceptions.stream()
                                            .anyMatch(e -> e.readsOnly(target, feature.get()))
                                    && exceptions.stream()
                                            .noneMatch(e -> e.grants(target, feature.get()))) {
                                events.add(
                                        SimpleConditionEvent.violated(call, call.getDescription()));
                            }
                        }
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            Optional<String> owner = feature(root, target);
                            if (owner.isPresent()
                                    && !owner.equals(feature)
                                    && isPersistence(target)
                                    && exceptions.stream()
                                            .noneMatch(e -> e.allows(target, feature.get()))) {
                                events.add(
                                        SimpleConditionEvent.violated(
                                                dependency, dependency.getDescription()));
                            }
                        }
                    }
                };
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(ownPersistenceOnly)
                .because(
                        "each table has one owner: call a public method of the feature that owns"
                                + " the entity or store (or, for an entity that is deliberately a"
                                + " public read type, document it as shared in ArchitectureTest)");
    }

    /** A call of a method the target's class inherits (a Panache query or write), not declares. */
    private static boolean inherited(JavaMethodCall call) {
        return call.getTarget()
                .resolveMember()
                .map(method -> !method.getOwner().equals(call.getTargetOwner()))
                .orElse(true);
    }

    /** The feature package directly under the root that the class is in, if any. */
    private static Optional<String> feature(String root, JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** An entity, or a store, search or bulk writer of a feature, or a type declared inside one. */
    private static boolean isPersistence(JavaClass target) {
        if (target.isAnnotatedWith("jakarta.persistence.Entity")) {
            return true;
        }
        String name = outermost(target).getSimpleName();
        return name.endsWith("Store") || name.endsWith("Search") || name.startsWith("Bulk");
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outermost = javaClass;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost;
    }

    private static String[] under(String root, String... packages) {
        return Arrays.stream(packages).map(p -> root + "." + p + "..").toArray(String[]::new);
    }
}
