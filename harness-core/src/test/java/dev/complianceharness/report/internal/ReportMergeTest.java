package dev.complianceharness.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.invariant.InvariantResult;
import dev.complianceharness.testing.ConsentModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Merging partial results")
class ReportMergeTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    @DisplayName("keeps every launch's tests, and gives the same report whatever order the files were written in")
    void deterministic(@TempDir Path first, @TempDir Path second) throws Exception {
        PartialResult a = partial("a", T0.plusSeconds(1), test("A", true));
        PartialResult b = partial("b", T0.plusSeconds(2), test("B", false));
        PartialResult c = partial("c", T0.plusSeconds(3), test("C", true));
        write(first, a, b, c);
        write(second, c, a, b);

        String one = ReportWriter.json(ComplianceReport.from(ReportMerge.merge(List.of(first), Optional.empty())));
        String other = ReportWriter.json(ComplianceReport.from(ReportMerge.merge(List.of(second), Optional.empty())));

        assertThat(one).isEqualTo(other).contains("\"tests\": 3,").contains("\"launches\": 3,")
                .contains("\"generatedAt\": \"2026-01-05T10:00:03Z\"");
    }

    @Test
    @DisplayName("keeps a re-run test's latest result")
    void latestWins(@TempDir Path report) throws Exception {
        write(report, partial("first", T0.plusSeconds(1), test("A", false)), partial("rerun", T0.plusSeconds(9), test("A", true)));

        ComplianceReport merged = ComplianceReport.from(ReportMerge.merge(List.of(report), Optional.empty()));

        assertThat(merged.tests()).singleElement().satisfies(test -> assertThat(test.status()).isEqualTo(TestResult.Status.PASSED));
        assertThat(merged.gate().passed()).isTrue();
    }

    @Test
    @DisplayName("leaves out an earlier build's results when this build wrote its own")
    void notBefore(@TempDir Path report) throws Exception {
        write(report, partial("old", T0, test("Old", false)), partial("new", T0.plusSeconds(60), test("New", true)));

        ReportMerge.Merged merged = ReportMerge.merge(List.of(report), Optional.of(T0.plusSeconds(30)));

        assertThat(merged.tests()).extracting(TestResult::testClass).containsExactly("acme.New");
        assertThat(merged.ignored()).isEqualTo(1);
    }

    @Test
    @DisplayName("fails the gate on a result it cannot read, and on a launch that ended without writing one")
    void missingResults(@TempDir Path report) throws Exception {
        write(report, partial("fine", T0, test("A", true)));
        Path folder = report.resolve(ReportMerge.PARTIALS);
        Files.writeString(folder.resolve("cut.json"), "{\"format\": \"compliance-harness-partial/1\", \"launch\": ");
        Files.writeString(folder.resolve("crashed.started"), "pid=2147483646\nstartedAt=2026-01-05T09:59:00Z\n");

        ComplianceReport merged = ComplianceReport.from(ReportMerge.merge(List.of(report), Optional.empty()));

        assertThat(merged.gate().failures()).containsExactly(
                "the partial result " + folder.resolve("cut.json") + " could not be read (not valid JSON at character 53:"
                        + " the document ends early): its tests are missing from this report; run the tests again",
                "the test launch crashed (pid 2147483646, started 2026-01-05T09:59:00Z) ended without writing its results:"
                        + " its JVM crashed, was killed or timed out, so its tests are missing from this report (delete "
                        + folder.resolve("crashed.started") + " once understood)");
    }

    @Test
    @DisplayName("says so, when another launch of this build is still running")
    void stillRunning(@TempDir Path report) throws Exception {
        write(report, partial("fine", T0, test("A", true)));
        Files.writeString(report.resolve(ReportMerge.PARTIALS).resolve("running.started"), "pid=" + ProcessHandle.current().pid()
                + "\nstartedAt=2026-01-05T09:59:00Z\n");

        ComplianceReport merged = ComplianceReport.from(ReportMerge.merge(List.of(report), Optional.empty()));

        assertThat(merged.gate().failures()).containsExactly("the test launch running (pid " + ProcessHandle.current().pid()
                + ", started 2026-01-05T09:59:00Z) had not finished when this report was written; the last launch to finish"
                + " writes the complete report");
    }

    private static void write(Path report, PartialResult... partials) throws Exception {
        Path folder = Files.createDirectories(report.resolve(ReportMerge.PARTIALS));
        for (PartialResult partial : partials) {
            Files.writeString(folder.resolve(partial.launchId() + ".json"), partial.toJson());
        }
    }

    private static PartialResult partial(String id, Instant finishedAt, TestResult... tests) {
        return new PartialResult(id, finishedAt.minusSeconds(1), finishedAt, "/work/acme", List.of(tests), List.of(),
                Optional.empty(), List.of());
    }

    private static TestResult test(String name, boolean passed) {
        InvariantOutcome outcome = InvariantOutcome.of("test.consent", "1.0.0", passed
                ? ConsentModule.CONSENT_BEFORE_MARKETING.evaluate(new dev.complianceharness.event.EventTrace())
                : new InvariantResult(ConsentModule.CONSENT_BEFORE_MARKETING, InvariantResult.Status.VIOLATED,
                        List.of(new dev.complianceharness.invariant.Violation(ConsentModule.CONSENT_BEFORE_MARKETING,
                                "no consent", List.of())), Optional.empty(), Optional.empty()));
        return new TestResult("[engine:junit-jupiter]/[class:acme." + name + "]/[method:sends()]", "acme." + name, "sends()",
                passed ? TestResult.Status.PASSED : TestResult.Status.FAILED, Optional.empty(), List.of(outcome), List.of(),
                List.of());
    }
}
