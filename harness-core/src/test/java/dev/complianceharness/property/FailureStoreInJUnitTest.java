package dev.complianceharness.property;

import static dev.complianceharness.testkit.FixtureRuns.inParallel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.testing.ClassPathProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("The failure store inside JUnit")
class FailureStoreInJUnitTest {

    @Test
    @DisplayName("keeps one entry per test, so a property checked through a shared helper never shares or deletes another's")
    void keyedByTest(@TempDir Path failures, @TempDir Path classPath) throws Exception {
        String configuration = "complianceharness.failures.dir = " + failures + "\n";

        EngineExecutionResults first = ClassPathProperties.with(classPath, configuration,
                () -> inParallel(SharedHelperTestCase.class, SharedHelperReportedTestCase.class));
        List<String> stored;
        try (Stream<Path> files = Files.list(failures)) {
            stored = files.filter(file -> file.getFileName().toString().endsWith(".failure"))
                    .map(file -> file.getFileName().toString()).sorted().toList();
        }
        List<String> contents = new java.util.ArrayList<>();
        for (String name : stored) {
            contents.add(Files.readString(failures.resolve(name)));
        }
        EngineExecutionResults second = ClassPathProperties.with(classPath, configuration,
                () -> inParallel(SharedHelperTestCase.class, SharedHelperReportedTestCase.class));

        first.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
        assertThat(stored).hasSize(2).allSatisfy(name -> assertThat(name).matches("property-[0-9a-f]{32}\\.failure"));
        assertThat(contents).allSatisfy(content -> assertThat(content).contains("# property: ").contains("smallLimit"));
        assertThat(second.testEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()))
                .hasSize(2)
                .allSatisfy(message -> assertThat(message).contains("failed again on the failing example an earlier run stored"));
    }

    /** Two tests checking one property through a shared helper, no harness annotation. */
    static class SharedHelperTestCase {
        @Test
        void smallLimit() {
            belowLimit(10);
        }

        @Test
        void largeLimit() {
            belowLimit(2_000);
        }

        static void belowLimit(int limit) {
            Property.forAll(Gens.integers(0, 1_000)).check(value -> org.assertj.core.api.Assertions.assertThat(value)
                    .isLessThan(limit));
        }
    }

    /** The same, with the property engine's extension watching. */
    @ReportProperties
    static class SharedHelperReportedTestCase {
        @Test
        void smallLimit() {
            SharedHelperTestCase.belowLimit(10);
        }

        @Test
        void largeLimit() {
            SharedHelperTestCase.belowLimit(2_000);
        }
    }
}
