package dev.complianceharness.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The design rules the project checks on itself (see {@code docs/architecture.md}), in the style of
 * ArchUnit's {@code GeneralCodingRules}: each condition is a verb phrase, each rule says why. The rules that
 * need to know modules take them as a parameter, so that their own tests can run them on fixtures.
 */
final class ProjectRules {

    /** The root package of every class of the project. */
    static final String ROOT = "dev.complianceharness";

    private static final Pattern INTERNAL = Pattern.compile("(^|\\.)internal(\\.|$)");
    private static final Pattern INTERNAL_AND_BELOW = Pattern.compile("\\.internal(\\..*)?$");

    private ProjectRules() {
    }

    /**
     * The unit of the cycle rule: a package together with its {@code internal} sub-packages, which are its
     * implementation. Classes outside {@code rootPackage} are not assigned.
     *
     * @param rootPackage the packages to assign
     * @return the assignment
     */
    static SliceAssignment packageGroups(String rootPackage) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String packageName = javaClass.getPackageName();
                if (!packageName.equals(rootPackage) && !packageName.startsWith(rootPackage + ".")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(groupOf(packageName));
            }

            @Override
            public String getDescription() {
                return "packages of " + rootPackage + ", each with its internal sub-packages";
            }
        };
    }

    /**
     * The package group a package belongs to.
     *
     * @param packageName the package
     * @return the package without its {@code .internal} tail
     */
    static String groupOf(String packageName) {
        return INTERNAL_AND_BELOW.matcher(packageName).replaceFirst("");
    }

    /**
     * No package cycles: between two package groups, dependencies go one way.
     *
     * @param rootPackage the packages checked
     * @return the rule
     */
    static ArchRule noPackageCycles(String rootPackage) {
        return slices().assignedFrom(packageGroups(rootPackage)).should().beFreeOfCycles()
                .because("a cycle ties packages into one unit that can be understood, tested and split only as a"
                        + " whole; an internal package is the implementation of its parent and counts as part of it");
    }

    /**
     * {@code harness-sms} and {@code harness-payments} never use each other.
     *
     * @param modules the modules
     * @return the rule
     */
    static ArchRule domainModulesIndependent(ProjectModules modules) {
        String because = "a team that adds one domain module must not get the other: each stands on harness-core alone";
        return CompositeArchRule
                .of(noClasses().that(modules.in(ProjectModules.SMS)).should().dependOnClassesThat(modules.in(ProjectModules.PAYMENTS))
                        .because(because))
                .and(noClasses().that(modules.in(ProjectModules.PAYMENTS)).should().dependOnClassesThat(modules.in(ProjectModules.SMS))
                        .because(because));
    }

    /**
     * The condition "use an internal package of another module".
     *
     * @param modules the modules
     * @return the condition
     */
    static ArchCondition<JavaClass> useAnInternalPackageOfAnotherModule(ProjectModules modules) {
        return new ArchCondition<>("use an internal package of another module") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<String> module = modules.of(javaClass);
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> targetModule = modules.of(target);
                    if (INTERNAL.matcher(target.getPackageName()).find() && targetModule.isPresent()
                            && !targetModule.equals(module)) {
                        // satisfied: the class does what the condition describes; noClasses() turns it into a violation
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription() + " ("
                                + module.orElse("no module") + " -> internal of " + targetModule.get() + ")"));
                    }
                }
            }
        };
    }

    /**
     * No class uses an internal package of another module, benchmarks included.
     *
     * @param modules the modules
     * @return the rule
     */
    static ArchRule noInternalPackageAcrossModules(ProjectModules modules) {
        return noClasses().that(modules.inAny())
                .should(useAnInternalPackageOfAnotherModule(modules))
                .because("an internal package may change in any release; what another module needs is public API");
    }

    /**
     * The property engine uses nothing of the harness and nothing named after SMS, PII or payments.
     *
     * @param modules the modules
     * @return the rule
     */
    static ArchRule propertyEngineKnowsNoDomain(ProjectModules modules) {
        Set<String> others = Set.copyOf(ProjectModules.ALL);
        return noClasses().that(modules.in(ProjectModules.PROPERTY))
                .should().dependOnClassesThat(modules.in(others.stream().filter(module -> !module.equals(ProjectModules.PROPERTY))
                        .sorted().toArray(String[]::new)))
                .orShould().dependOnClassesThat().resideInAnyPackage("..sms..", "..pii..", "..payments..")
                .because("the engine can be used alone and must stay domain-free: it hands its output to a host through"
                        + " dev.complianceharness.property.spi");
    }

    /**
     * No library module uses examples or benchmarks.
     *
     * @param modules the modules
     * @return the rule
     */
    static ArchRule librariesUseNoExamplesOrBenchmarks(ProjectModules modules) {
        return noClasses().that(modules.in(ProjectModules.LIBRARIES.toArray(String[]::new)))
                .should().dependOnClassesThat(modules.in(ProjectModules.EXAMPLES, ProjectModules.BENCHMARKS))
                .because("examples and benchmarks are not published: a library that used them would not load in a"
                        + " team's build");
    }

    /**
     * The condition "use only the modules the module map allows".
     *
     * @param modules the modules
     * @return the condition
     */
    static ArchCondition<JavaClass> useOnlyModulesTheModuleMapAllows(ProjectModules modules) {
        return new ArchCondition<>("use only the modules the module map allows") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<String> module = modules.of(javaClass);
                if (module.isEmpty()) {
                    return;
                }
                Set<String> allowed = ProjectModules.MAY_USE.getOrDefault(module.get(), Set.of());
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    Optional<String> target = modules.of(dependency.getTargetClass());
                    if (target.isPresent() && !target.equals(module) && !allowed.contains(target.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + " ("
                                + module.get() + " -> " + target.get() + ")"));
                    }
                }
            }
        };
    }

    /**
     * Every module uses only the modules the module map of {@code docs/architecture.md} allows.
     *
     * @param modules the modules
     * @return the rule
     */
    static ArchRule moduleMap(ProjectModules modules) {
        return classes().that(modules.inAny())
                .should(useOnlyModulesTheModuleMapAllows(modules))
                .because("the module map in docs/architecture.md is the design: a team adds harness-core and the domain"
                        + " modules it needs, and gets nothing else");
    }

    /**
     * Every public top-level type of a public package of the given modules carries {@link API}.
     *
     * @param modules the modules
     * @param scope   the modules whose public types are annotated
     * @return the rule
     */
    static ArchRule publicTypesDeclareTheirStability(ProjectModules modules, Collection<String> scope) {
        return classes().that(modules.in(scope.toArray(String[]::new))).and().arePublic().and().areTopLevelClasses()
                .and().resideOutsideOfPackage("..internal..")
                .should().beAnnotatedWith(API.class)
                .because("a team must see which public types are stable, experimental or ours alone, as JUnit shows"
                        + " (@API from apiguardian)");
    }
}
