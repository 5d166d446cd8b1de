package dev.complianceharness.benchmarks.report;

import dev.complianceharness.report.ComplianceGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one report costs when every fork writes a partial result and the report is their merge (reading, merging and
 * judging every partial result, writing report.json, gate.txt and index.html), next to the naive way the harness
 * replaced: each fork writes the report of its own tests alone, so the last fork's write wins (and the other forks'
 * tests are lost). Each fork ran 20 tests, each verifying 3 invariants. Run after a build:
 * {@code java -jar benchmarks/target/benchmarks.jar ReportMerge}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportMergeBenchmark {

    /** How many forks (launches) wrote a partial result. */
    @Param({"5", "40"})
    public int forks;

    private Path merged;
    private Path lastForkOnly;
    private Path output;

    /**
     * Writes the forks' partial results.
     *
     * @throws IOException if the files cannot be written
     */
    @Setup
    public void writePartials() throws IOException {
        Path root = Files.createTempDirectory("report-merge-benchmark");
        merged = Files.createDirectories(root.resolve("merged").resolve("partials")).getParent();
        lastForkOnly = Files.createDirectories(root.resolve("last").resolve("partials")).getParent();
        output = root.resolve("out");
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        for (int fork = 0; fork < forks; fork++) {
            String partial = partial("fork-" + fork, start.plusSeconds(fork));
            Files.writeString(merged.resolve("partials").resolve("fork-" + fork + ".json"), partial);
            if (fork == forks - 1) {
                Files.writeString(lastForkOnly.resolve("partials").resolve("fork-" + fork + ".json"), partial);
            }
        }
    }

    /**
     * @return the gate of the merge of every fork's results
     * @throws IOException if the report cannot be written
     */
    @Benchmark
    public ComplianceGate.Verdict mergeEveryFork() throws IOException {
        return ComplianceGate.check(output.resolve("merged"), List.of(merged), Optional.empty());
    }

    /**
     * @return the naive way: the report of the last fork's tests alone
     * @throws IOException if the report cannot be written
     */
    @Benchmark
    public ComplianceGate.Verdict naiveLastForkWins() throws IOException {
        return ComplianceGate.check(output.resolve("last"), List.of(lastForkOnly), Optional.empty());
    }

    private static String partial(String launch, Instant finishedAt) {
        StringBuilder tests = new StringBuilder();
        for (int test = 0; test < 20; test++) {
            if (test > 0) {
                tests.append(",\n");
            }
            tests.append("{\"id\": \"[engine:junit-jupiter]/[class:acme.").append(launch.replace("-", ""))
                    .append("Test]/[method:case").append(test).append("()]\", \"testClass\": \"acme.")
                    .append(launch.replace("-", "")).append("Test\", \"name\": \"case").append(test)
                    .append("()\", \"status\": \"PASSED\", \"failure\": null, \"invariants\": [")
                    .append(outcome("acme.sms.quiet-hours")).append(", ").append(outcome("acme.sms.opt-out"))
                    .append(", ").append(outcome("acme.sms.frequency-cap"))
                    .append("], \"properties\": [], \"warnings\": []}");
        }
        return "{\"format\": \"compliance-harness-partial/1\", \"launch\": \"" + launch + "\", \"startedAt\": \""
                + finishedAt.minusSeconds(5) + "\", \"finishedAt\": \"" + finishedAt + "\", \"module\": \"/work/acme\","
                + " \"tests\": [" + tests + "], \"modules\": [], \"zones\": null, \"runWarnings\": []}";
    }

    private static String outcome(String invariant) {
        return "{\"module\": \"acme.sms\", \"moduleVersion\": \"1.0\", \"invariant\": {\"id\": \"" + invariant
                + "\", \"description\": \"d\", \"form\": \"PER_EVENT\", \"tier\": \"REGULATORY\", \"ownerName\": \"legal\","
                + " \"ownerContact\": \"\", \"rationale\": null, \"regulation\": {\"id\": \"r\", \"title\": \"t\","
                + " \"citation\": \"47 CFR 64.1200\", \"jurisdiction\": \"US\", \"source\": null, \"effectiveFrom\": null,"
                + " \"effectiveTo\": null, \"confidence\": \"HIGH\"}}, \"status\": \"HELD\", \"violations\": [],"
                + " \"error\": null}";
    }
}
