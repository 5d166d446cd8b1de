package dev.complianceharness.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.property.spi.PropertyRun;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import dev.complianceharness.testkit.FixtureRuns;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

@DisplayName("Properties in JUnit")
class PropertyJUnitIntegrationTest {

    @TempDir
    Path failures;

    private EngineExecutionResults run(Class<?> fixture, String... parameters) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("complianceharness.failures.dir", failures.toString());
        for (int i = 0; i < parameters.length; i += 2) {
            configuration.put(parameters[i], parameters[i + 1]);
        }
        return FixtureRuns.inParallel(configuration, fixture);
    }

    /** The property runs a test published as JUnit report entries ({@code compliance-harness.property}). */
    private static List<String> outcomesOf(EngineExecutionResults results, String testName) {
        return results.testEvents().reportingEntryPublished().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().startsWith(testName))
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(entry -> entry.containsKey(PropertyRun.REPORT_ENTRY))
                .map(entry -> entry.get(PropertyRun.REPORT_ENTRY))
                .toList();
    }

    private static Throwable failureOf(EngineExecutionResults results, String testName) {
        return results.testEvents().finished().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().startsWith(testName))
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("@PropertyTest")
    class Annotation {

        @Test
        @DisplayName("generates @From parameters, fails with the shrunk example and passes correct properties")
        void generatesParameters() {
            EngineExecutionResults results = run(LedgerPropertiesTestCase.class);
            results.testEvents().assertThatEvents()
                    .haveExactly(1, event(test("refundsAreBounded"), finishedSuccessfully()))
                    .haveExactly(1, event(test("refundsNeverExceedCapturesBuggy"), finishedWithFailure(
                            instanceOf(PropertyFailure.class),
                            message(text -> text.startsWith("Property 'LedgerPropertiesTestCase.refundsNeverExceedCapturesBuggy' failed")
                                    && text.contains("shrunk example:   captured = 0, refunded = 1  (")))));
            assertThat(outcomesOf(results, "refundsAreBounded")).singleElement(STRING)
                    .matches("LedgerPropertiesTestCase\\.refundsAreBounded: 50 tries passed \\(seed -?\\d+\\)");
            assertThat(outcomesOf(results, "refundsNeverExceedCapturesBuggy")).singleElement(STRING)
                    .startsWith("LedgerPropertiesTestCase.refundsNeverExceedCapturesBuggy: failed after ")
                    .contains("): shrunk example captured = 0, refunded = 1: ");
        }

        @Test
        @DisplayName("takes its seed from the annotation, or else from the JUnit configuration (junit-platform.properties)")
        void seeds() {
            assertThat(failureOf(run(SeededTestCase.class), "annotated")).hasMessageContaining("(seed 7)");
            assertThat(failureOf(run(SeededTestCase.class, "complianceharness.seed", "4242",
                    "complianceharness.failures.dir", failures.resolve("second").toString()), "configured"))
                    .hasMessageContaining("(seed 4242)");
            assertThat(failureOf(run(SeededTestCase.class, "complianceharness.seed", "4242",
                    "complianceharness.failures.dir", failures.resolve("third").toString()), "annotated"))
                    .hasMessageContaining("(seed 7)");
        }

        @Test
        @DisplayName("replays a stored failure with the seed of the run that found it, whatever seed this run has")
        void storedFailureKeepsItsSeed() {
            PropertyFailure found = (PropertyFailure) failureOf(run(SeededTestCase.class, "complianceharness.seed", "4242"),
                    "configured");
            PropertyFailure replayed = (PropertyFailure) failureOf(run(SeededTestCase.class, "complianceharness.seed", "99"),
                    "configured");

            assertThat(replayed.getMessage())
                    .startsWith("Property 'SeededTestCase.configured' failed again on the failing example an earlier run"
                            + " stored (found after " + found.tries() + (found.tries() == 1 ? " try" : " tries")
                            + ") (seed 4242).")
                    .contains("\n  original example: " + found.originalExample() + "\n")
                    .contains("replay:           run again with -Dcomplianceharness.seed=4242 ");
            assertThat(replayed.shrunkExample()).isEqualTo(found.shrunkExample()).isEqualTo("number = 10");
        }

        @Test
        @DisplayName("replays the same failure from the printed seed")
        void replay() {
            Throwable first = failureOf(run(SeededTestCase.class, "complianceharness.seed", "99"), "configured");
            Path elsewhere = failures.resolve("fresh");
            Throwable again = failureOf(EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("complianceharness.failures.dir", elsewhere.toString())
                    .configurationParameter("complianceharness.seed", "99")
                    .selectors(selectClass(SeededTestCase.class)).execute(), "configured");
            assertThat(((PropertyFailure) again).originalExample()).isEqualTo(((PropertyFailure) first).originalExample());
        }

        @Test
        @DisplayName("runs beside other extensions: @ComplianceTest parts, @TempDir, TestInfo and @BeforeEach")
        void besideOtherExtensions() {
            EngineExecutionResults results = run(BesideComplianceTestCase.class);
            results.testEvents().assertThatEvents()
                    .haveExactly(1, event(test("sendsWithConsent"), finishedSuccessfully()))
                    .haveExactly(1, event(test("sendsTooMany"), finishedWithFailure(message(text ->
                            text.contains("test.at-most-three-per-day")))));
        }

        @Test
        @DisplayName("takes the property's name and time budget from the annotation")
        void nameAndBudget() {
            EngineExecutionResults results = run(BudgetTestCase.class);
            results.testEvents().assertThatEvents().haveExactly(1, event(test("slow"), finishedSuccessfully()));
            assertThat(outcomesOf(results, "slow")).singleElement(STRING)
                    .matches("slow but bounded: \\d{1,6} tries? passed \\(seed -?\\d+\\)");
        }

        @Test
        @DisplayName("reports wrong annotations with what to do")
        void wrongAnnotations() {
            EngineExecutionResults results = run(MisconfiguredTestCase.class);
            assertThat(failureOf(results, "badSeed")).isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessage("@PropertyTest on MisconfiguredTestCase.badSeed(): seed = \"abc\" is not a number; copy the"
                            + " seed a failure printed, e.g. seed = \"42\"");
            assertThat(failureOf(results, "missingGenerator")).isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessage("@From(\"nowhere\") on parameter 'amount' of MisconfiguredTestCase.missingGenerator():"
                            + " MisconfiguredTestCase has no method nowhere() without parameters; add one returning the"
                            + " generator, e.g. static Gen<Long> nowhere() { return Gens...; }");
            assertThat(failureOf(results, "fromOnPlainTest")).isInstanceOf(ParameterResolutionException.class)
                    .hasMessageContaining("@From on parameter 'amount' of fromOnPlainTest() only works on @PropertyTest"
                            + " methods");
            assertThat(failureOf(results, "noParameters")).isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("has no @From parameters to generate");
            assertThat(failureOf(results, "badBudget")).hasMessageContaining("is not an ISO-8601 duration");
        }
    }

    @Nested
    @DisplayName("the programmatic API")
    class Programmatic {

        @Test
        @DisplayName("reads the JUnit configuration and reports tries, seed and labels inside @Test methods")
        void insideTests() {
            EngineExecutionResults results = run(ProgrammaticTestCase.class, "complianceharness.seed", "5",
                    "complianceharness.tries", "40");
            results.testEvents().assertThatEvents()
                    .haveExactly(1, event(test("labelled"), finishedSuccessfully()));
            assertThat(outcomesOf(results, "labelled")).singleElement(STRING)
                    .matches(".*: 40 tries passed \\(seed 5\\); labels: \\{even=(\\d+), odd=(\\d+)}")
                    .satisfies(entry -> {
                        java.util.regex.Matcher counts = java.util.regex.Pattern.compile("even=(\\d+), odd=(\\d+)").matcher(entry);
                        assertThat(counts.find()).isTrue();
                        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).isEqualTo(40);
                    });
        }

        @Test
        @DisplayName("bounds shrinking by the configured time limit, or by the replay limit alone with none")
        void shrinkTimeLimit() {
            EngineExecutionResults tight = run(SlowShrinkTestCase.class, "complianceharness.shrink.timeLimit", "PT0.000001S",
                    "complianceharness.seed", "3");
            EngineExecutionResults unlimited = run(SlowShrinkTestCase.class, "complianceharness.shrink.timeLimit", "none",
                    "complianceharness.seed", "3");
            EngineExecutionResults invalid = run(SlowShrinkTestCase.class, "complianceharness.shrink.timeLimit", "soon");

            assertThat(failureOf(tight, "slowToShrink")).hasMessageContaining("shrinking stopped at its limit of 10000"
                    + " replays or 0 s (-Dcomplianceharness.shrink.timeLimit=none lifts the time limit)");
            assertThat(failureOf(unlimited, "slowToShrink")).hasMessageContaining("shrunk example:   1000  (")
                    .hasMessageNotContaining("stopped at its limit");
            assertThat(failureOf(invalid, "slowToShrink")).hasMessage("complianceharness.shrink.timeLimit='soon' is neither"
                    + " a positive ISO-8601 duration such as PT2M nor none");
        }

        @Test
        @DisplayName("emits properties as @TestFactory dynamic tests, each reported under its own id")
        void dynamicTests() {
            EngineExecutionResults results = run(FactoryTestCase.class);
            results.testEvents().assertThatEvents()
                    .haveExactly(1, event(test(), displayName("sums stay small"), finishedWithFailure(instanceOf(PropertyFailure.class),
                            message(text -> text.contains("Property 'sums stay small' failed")
                                    && text.contains("shrunk example:   (0, 100)")))))
                    .haveExactly(1, event(test(), displayName("absolute values are not negative"), finishedSuccessfully()));
            assertThat(outcomesOf(results, "absolute values are not negative")).singleElement(STRING)
                    .startsWith("absolute values are not negative: ").contains(" tries passed (seed ");
            assertThat(outcomesOf(results, "sums stay small")).singleElement(STRING)
                    .startsWith("sums stay small: failed after ");
        }
    }

    static class LedgerPropertiesTestCase {

        static Gen<Long> amounts() {
            return Gens.longs(0, 1_000_000);
        }

        @PropertyTest(tries = 50)
        void refundsAreBounded(@From("amounts") long captured, @From("amounts") long refunded) {
            assertThat(Math.min(captured, refunded)).isLessThanOrEqualTo(captured);
        }

        @PropertyTest
        void refundsNeverExceedCapturesBuggy(@From("amounts") long captured, @From("amounts") long refunded) {
            long accepted = refunded; // the bug: no Math.min(captured, refunded)
            assertThat(accepted).isLessThanOrEqualTo(captured);
        }
    }

    static class SeededTestCase {

        Gen<Integer> numbers() {
            return Gens.integers(0, 1_000);
        }

        @PropertyTest(seed = "7")
        void annotated(@From("numbers") int number) {
            assertThat(number).isLessThan(10);
        }

        @PropertyTest
        void configured(@From("numbers") int number) {
            assertThat(number).isLessThan(10);
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class BesideComplianceTestCase {

        static final String NUMBER = "+13055550123";
        final AtomicInteger beforeEach = new AtomicInteger();

        static Gen<Integer> fewMessages() {
            return Gens.integers(0, 3);
        }

        static Gen<Integer> manyMessages() {
            return Gens.integers(4, 6);
        }

        @BeforeEach
        void countBeforeEach() {
            beforeEach.incrementAndGet();
        }

        @PropertyTest(tries = 5)
        void sendsWithConsent(Outbox outbox, @From("fewMessages") int count, @TempDir Path directory, TestInfo info) {
            assertThat(directory).isDirectory();
            assertThat(info.getDisplayName()).startsWith("sendsWithConsent");
            assertThat(beforeEach).hasValue(1);
            outbox.consent(NUMBER);
        }

        @PropertyTest(tries = 3)
        void sendsTooMany(Outbox outbox, @From("manyMessages") int count) {
            outbox.consent(NUMBER);
            for (int i = 0; i < count; i++) {
                outbox.send(NUMBER, "offer " + i);
            }
        }
    }

    static class BudgetTestCase {

        static Gen<Integer> numbers() {
            return Gens.integers(0, 10);
        }

        @PropertyTest(name = "slow but bounded", tries = 1_000_000, timeBudget = "PT0.2S")
        void slow(@From("numbers") int number) throws InterruptedException {
            Thread.sleep(1);
        }
    }

    static class MisconfiguredTestCase {

        static Gen<Long> amounts() {
            return Gens.longs(0, 10);
        }

        @PropertyTest(seed = "abc")
        void badSeed(@From("amounts") long amount) {
        }

        @PropertyTest
        void missingGenerator(@From("nowhere") long amount) {
        }

        @Test
        void fromOnPlainTest(@From("amounts") long amount) {
        }

        @PropertyTest
        void noParameters() {
        }

        @PropertyTest(timeBudget = "10 seconds")
        void badBudget(@From("amounts") long amount) {
        }
    }

    @ReportProperties
    static class ProgrammaticTestCase {

        @Test
        void labelled() {
            Property.forAll(Gens.integers(0, 100)).label(number -> number % 2 == 0 ? "even" : "odd")
                    .check(number -> assertThat(number).isBetween(0, 100));
        }
    }

    @ReportProperties
    static class SlowShrinkTestCase {

        @Test
        void slowToShrink() {
            Property.forAll(Gens.integers(0, 1_000_000)).tries(1000)
                    .check(number -> assertThat(number).isLessThan(1000));
        }
    }

    @ReportProperties
    static class FactoryTestCase {

        @TestFactory
        Stream<DynamicTest> ledger() {
            return Stream.of(
                    Property.forAll(Gens.integers(0, 100), Gens.integers(0, 100))
                            .toDynamicTest("sums stay small", (a, b) -> assertThat(a + b).isLessThan(100)),
                    Property.forAll(Gens.integers(-100, 100))
                            .toDynamicTest("absolute values are not negative", n -> assertThat(Math.abs(n)).isNotNegative()));
        }
    }

}
