package dev.complianceharness.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The project's rules catch what they are meant to catch, and only that: each runs on fixture classes that
 * break it on purpose (package {@code fixtures}), with every violation pinned, and on fixtures that keep it.
 */
@DisplayName("The project's rules")
class ProjectRulesTest {

    private static final String FIXTURES = "dev.complianceharness.architecture.fixtures";
    private static final String MODULES = FIXTURES + ".modules";
    private static final String CYCLE = FIXTURES + ".cycle";

    /** The fixture packages standing in for the project's modules. */
    private static final ProjectModules FIXTURE_MODULES = ProjectModules.byPackage(Map.of(
            MODULES + ".property", ProjectModules.PROPERTY,
            MODULES + ".core", ProjectModules.CORE,
            MODULES + ".pii", ProjectModules.CORE,
            MODULES + ".sms", ProjectModules.SMS,
            MODULES + ".payments", ProjectModules.PAYMENTS,
            MODULES + ".examples", ProjectModules.EXAMPLES,
            MODULES + ".benchmarks", ProjectModules.BENCHMARKS,
            FIXTURES + ".api", ProjectModules.PROPERTY));

    private static JavaClasses classes(String... packages) {
        return new ClassFileImporter().importPackages(packages);
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        try {
            rule.check(classes);
        } catch (AssertionError violation) {
            return violation.getMessage();
        }
        throw new AssertionError("the rule '" + rule.getDescription() + "' found no violation");
    }

    /** The violation lines of a message, without the rule's heading. */
    private static List<String> lines(String message) {
        return message.lines().skip(1).filter(line -> !line.isBlank()).sorted().toList();
    }

    @Nested
    @DisplayName("no package cycles")
    class Cycles {

        @Test
        @DisplayName("finds a cycle between two packages")
        void findsCycle() {
            String message = violations(ProjectRules.noPackageCycles(FIXTURES), classes(FIXTURES + ".cycle"));
            assertThat(message).isEqualTo(String.join("\n",
                    "Architecture Violation [Priority: MEDIUM] - Rule 'slices assigned from packages of " + FIXTURES + ", each"
                            + " with its internal sub-packages should be free of cycles, because a cycle ties packages into one"
                            + " unit that can be understood, tested and split only as a whole; an internal package is the"
                            + " implementation of its parent and counts as part of it' was violated (1 times):",
                    "Cycle detected: Slice " + CYCLE + ".a -> ",
                    "                Slice " + CYCLE + ".b -> ",
                    "                Slice " + CYCLE + ".a",
                    "  1. Dependencies of Slice " + CYCLE + ".a",
                    "    - Method <" + CYCLE + ".a.Orders.invoices()> has return type <" + CYCLE + ".b.Invoices> in (Orders.java:0)",
                    "    - Method <" + CYCLE + ".a.Orders.invoices()> calls constructor <" + CYCLE + ".b.Invoices.<init>()> in"
                            + " (Orders.java:8)",
                    "  2. Dependencies of Slice " + CYCLE + ".b",
                    "    - Field <" + CYCLE + ".b.Invoices.orders> has type <" + CYCLE + ".a.Orders> in (Invoices.java:0)"));
        }

        @Test
        @DisplayName("counts a package and its internal sub-package as one")
        void internalIsPartOfItsPackage() {
            assertThatCode(() -> ProjectRules.noPackageCycles(FIXTURES).check(classes(FIXTURES + ".cycle.c")))
                    .doesNotThrowAnyException();
            assertThat(ProjectRules.groupOf("dev.complianceharness.sms.decision.internal.tables"))
                    .isEqualTo("dev.complianceharness.sms.decision");
            assertThat(ProjectRules.groupOf("dev.complianceharness.internalized")).isEqualTo("dev.complianceharness.internalized");
        }
    }

    @Nested
    @DisplayName("the module rules")
    class ModuleRules {

        private final JavaClasses modules = classes(MODULES);

        @Test
        @DisplayName("keep harness-sms and harness-payments apart, in both directions")
        void domainModulesIndependent() {
            assertThat(lines(violations(ProjectRules.domainModulesIndependent(FIXTURE_MODULES), modules))).containsExactly(
                    "Field <dev.complianceharness.architecture.fixtures.modules.sms.Sms.payment> has type <dev.complianceharness.architecture.fixtures.modules.payments.Payment> in (Sms.java:0)",
                    "Method <dev.complianceharness.architecture.fixtures.modules.payments.Payment.codes()> calls method <dev.complianceharness.architecture.fixtures.modules.sms.internal.SmsTables.areaCodes()> in (Payment.java:8)");
        }

        @Test
        @DisplayName("find every use of another module's internal package, and none of a module's own")
        void noInternalAcrossModules() {
            assertThat(lines(violations(ProjectRules.noInternalPackageAcrossModules(FIXTURE_MODULES), modules))).containsExactly(
                    "Method <dev.complianceharness.architecture.fixtures.modules.benchmarks.Bench.measure()> calls method <dev.complianceharness.architecture.fixtures.modules.sms.internal.SmsTables.areaCodes()> in (Bench.java:11) (benchmarks -> internal of harness-sms)",
                    "Method <dev.complianceharness.architecture.fixtures.modules.payments.Payment.codes()> calls method <dev.complianceharness.architecture.fixtures.modules.sms.internal.SmsTables.areaCodes()> in (Payment.java:8) (harness-payments -> internal of harness-sms)");
        }

        @Test
        @DisplayName("keep the property engine free of the harness and of PII, SMS and payments packages")
        void propertyEngineKnowsNoDomain() {
            assertThat(lines(violations(ProjectRules.propertyEngineKnowsNoDomain(FIXTURE_MODULES), modules))).containsExactly(
                    "Field <dev.complianceharness.architecture.fixtures.modules.property.Engine.detector> has type <dev.complianceharness.architecture.fixtures.modules.pii.Detector> in (Engine.java:0)",
                    "Field <dev.complianceharness.architecture.fixtures.modules.property.Engine.harness> has type <dev.complianceharness.architecture.fixtures.modules.core.Harness> in (Engine.java:0)");
        }

        @Test
        @DisplayName("find a library that uses a benchmark or an example")
        void librariesUseNoExamplesOrBenchmarks() {
            assertThat(lines(violations(ProjectRules.librariesUseNoExamplesOrBenchmarks(FIXTURE_MODULES), modules)))
                    .containsExactly(
                    "Field <dev.complianceharness.architecture.fixtures.modules.core.Harness.bench> has type <dev.complianceharness.architecture.fixtures.modules.benchmarks.Bench> in (Harness.java:0)");
        }

        @Test
        @DisplayName("hold every module to the module map")
        void moduleMap() {
            assertThat(lines(violations(ProjectRules.moduleMap(FIXTURE_MODULES), modules))).containsExactly(
                    "Field <dev.complianceharness.architecture.fixtures.modules.core.Harness.bench> has type <dev.complianceharness.architecture.fixtures.modules.benchmarks.Bench> in (Harness.java:0) (harness-core -> benchmarks)",
                    "Field <dev.complianceharness.architecture.fixtures.modules.property.Engine.detector> has type <dev.complianceharness.architecture.fixtures.modules.pii.Detector> in (Engine.java:0) (harness-property -> harness-core)",
                    "Field <dev.complianceharness.architecture.fixtures.modules.property.Engine.harness> has type <dev.complianceharness.architecture.fixtures.modules.core.Harness> in (Engine.java:0) (harness-property -> harness-core)",
                    "Field <dev.complianceharness.architecture.fixtures.modules.sms.Sms.payment> has type <dev.complianceharness.architecture.fixtures.modules.payments.Payment> in (Sms.java:0) (harness-sms -> harness-payments)",
                    "Method <dev.complianceharness.architecture.fixtures.modules.payments.Payment.codes()> calls method <dev.complianceharness.architecture.fixtures.modules.sms.internal.SmsTables.areaCodes()> in (Payment.java:8) (harness-payments -> harness-sms)");
        }

        @Test
        @DisplayName("accept what the module map allows: an example using libraries, a library using its own internals")
        void allowed() {
            JavaClasses allowed = classes(MODULES + ".examples", MODULES + ".core.internal", MODULES + ".pii");
            assertThatCode(() -> ProjectRules.moduleMap(FIXTURE_MODULES).check(allowed)).doesNotThrowAnyException();
            assertThatCode(() -> ProjectRules.noInternalPackageAcrossModules(FIXTURE_MODULES).check(allowed))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("@API on public types")
    class ApiAnnotations {

        @Test
        @DisplayName("is required of public top-level types of public packages only")
        void required() {
            String message = violations(ProjectRules.publicTypesDeclareTheirStability(FIXTURE_MODULES,
                    List.of(ProjectModules.PROPERTY)), classes(FIXTURES + ".api"));
            assertThat(lines(message)).containsExactly(
                    "Class <dev.complianceharness.architecture.fixtures.api.Unannotated> is not annotated with @API in (Unannotated.java:0)");
        }

        @Test
        @DisplayName("is not required of modules outside the scope")
        void scoped() {
            assertThatCode(() -> ProjectRules.publicTypesDeclareTheirStability(FIXTURE_MODULES, List.of(ProjectModules.SMS))
                    .allowEmptyShould(true).check(classes(FIXTURES + ".api"))).doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("module locations")
    class Locations {

        @Test
        @DisplayName("tell a module from its class directory or its jar, and nothing else")
        void locations() {
            assertThat(ProjectModules.moduleOfLocation("file:/repo/harness-sms/target/classes/dev/complianceharness/sms/X.class"))
                    .contains(ProjectModules.SMS);
            assertThat(ProjectModules.moduleOfLocation("jar:file:/m2/dev/complianceharness/harness-core/0.1.0-SNAPSHOT/"
                    + "harness-core-0.1.0-SNAPSHOT.jar!/dev/complianceharness/Y.class")).contains(ProjectModules.CORE);
            assertThat(ProjectModules.moduleOfLocation("jar:file:/repo/benchmarks/target/benchmarks.jar!/dev/X.class")).isEmpty();
            assertThat(ProjectModules.moduleOfLocation("file:/repo/other/target/classes/dev/X.class")).isEmpty();
            assertThat(ProjectModules.moduleOfLocation("file:/repo/harness-sms/target/test-classes/dev/X.class")).isEmpty();
        }
    }
}
