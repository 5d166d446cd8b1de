package dev.complianceharness.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.report.internal.ComplianceReport;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.report.internal.ReportMerge;
import dev.complianceharness.report.internal.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Merges the partial results of a build (every test JVM, fork and launch writes its own into
 * {@code <report directory>/partials}) into one report, and judges its gate: the one merge and gate that the Maven
 * plugin's {@code check} goal runs, also callable from any other build tool.
 *
 * <pre>{@code
 * ComplianceGate.Verdict verdict = ComplianceGate.check(Path.of("build/compliance-report"),
 *         List.of(Path.of("app/build/compliance-report"), Path.of("billing/build/compliance-report")), Optional.empty());
 * if (!verdict.passed()) {
 *     throw new GradleException(String.join("\n", verdict.failures()));
 * }
 * }</pre>
 *
 * <p>From a shell (exit status 0 when the gate passes, 1 when it fails, 2 on a usage or I/O error), with harness-core
 * and its dependencies on the class path:
 * <pre>
 * java -cp "$CLASSPATH" dev.complianceharness.report.ComplianceGate --report build/compliance-report \
 *      app/build/compliance-report billing/build/compliance-report
 * </pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ComplianceGate {

    private ComplianceGate() {
    }

    /**
     * The gate's verdict on merged results.
     *
     * @param passed         whether the gate passed
     * @param failures       why it failed, one line each, masked where they quote test output
     * @param warnings       what the harness could not check, one line each
     * @param launches       how many launches' results were merged
     * @param tests          how many tests ran under the harness
     * @param ignoredResults how many partial results were left out as older than the build
     * @param index          the merged report's {@code index.html}
     */
    public record Verdict(boolean passed, List<String> failures, List<String> warnings, int launches, int tests,
                          int ignoredResults, Path index) {

        /** Copies the lists. */
        public Verdict {
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(index, "index");
        }
    }

    /**
     * Merges the partial results of report directories, writes the merged report and judges its gate.
     *
     * @param reportDirectory   where to write the merged report ({@code index.html}, {@code report.json}, {@code gate.txt})
     * @param resultDirectories the report directories whose {@code partials} folders to merge; the report directory's
     *                          own partial results are merged when it is listed
     * @param notBefore         when present, partial results that finished before it (an earlier build's) are left out,
     *                          provided at least one finished after it
     * @return the verdict
     * @throws IOException if results cannot be read or the report cannot be written
     */
    public static Verdict check(Path reportDirectory, List<Path> resultDirectories, Optional<Instant> notBefore)
            throws IOException {
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(notBefore, "notBefore");
        List<Path> directories = List.copyOf(resultDirectories);
        return ReportFiles.locked(reportDirectory, () -> {
            ReportMerge.Merged merged = ReportMerge.merge(directories, notBefore);
            ComplianceReport report = ComplianceReport.from(merged);
            Path index = new ReportWriter(reportDirectory).write(report);
            List<String> warnings = new ArrayList<>();
            report.runWarnings().forEach(warnings::add);
            report.warnings().forEach(warning -> warnings.add(warning.testClass().substring(
                    warning.testClass().lastIndexOf('.') + 1) + " \u203a " + warning.testName() + ": " + warning.warning()));
            return new Verdict(report.gate().passed(), report.gate().failures(), warnings, report.launches().size(),
                    report.tests().size(), merged.ignored(), index);
        });
    }

    /**
     * Runs the gate from a shell: {@code [--report DIR] [--not-before INSTANT] [RESULT_DIR...]}. Without result
     * directories it merges the report directory's own partial results; the report directory defaults to
     * {@code target/compliance-report}.
     *
     * @param args the arguments
     */
    public static void main(String... args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs the gate as {@link #main(String...)} does, returning the exit status instead of exiting.
     *
     * @param args the arguments
     * @param out  where the verdict goes
     * @param err  where usage and I/O errors go
     * @return 0 when the gate passed, 1 when it failed, 2 on a usage or I/O error
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path report = Path.of("target", "compliance-report");
        Optional<Instant> notBefore = Optional.empty();
        List<Path> results = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--report") || arg.equals("--not-before")) && i + 1 >= args.size()) {
                err.println("compliance gate: " + arg + " needs a value");
                return 2;
            }
            switch (arg) {
                case "--report" -> report = Path.of(args.get(++i));
                case "--not-before" -> {
                    try {
                        notBefore = Optional.of(Instant.parse(args.get(++i)));
                    } catch (DateTimeParseException e) {
                        err.println("compliance gate: --not-before needs an ISO-8601 instant such as 2026-01-31T12:00:00Z");
                        return 2;
                    }
                }
                case "--help", "-h" -> {
                    out.println("usage: ComplianceGate [--report DIR] [--not-before INSTANT] [RESULT_DIR...]");
                    return 0;
                }
                default -> {
                    if (arg.startsWith("--")) {
                        err.println("compliance gate: unknown option " + arg
                                + "; usage: ComplianceGate [--report DIR] [--not-before INSTANT] [RESULT_DIR...]");
                        return 2;
                    }
                    results.add(Path.of(arg));
                }
            }
        }
        if (results.isEmpty()) {
            results.add(report);
        }
        try {
            Verdict verdict = check(report, results, notBefore);
            describe(verdict).forEach(out::println);
            return verdict.passed() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("compliance gate: could not merge the results: " + e);
            return 2;
        }
    }

    /**
     * The verdict as lines for a build log: the gate, the counts, every failure and warning.
     *
     * @param verdict the verdict
     * @return the lines
     */
    public static List<String> describe(Verdict verdict) {
        List<String> lines = new ArrayList<>();
        lines.add("Compliance gate " + (verdict.passed() ? "PASS" : "FAIL") + ": " + verdict.tests()
                + (verdict.tests() == 1 ? " test" : " tests") + " from " + verdict.launches()
                + (verdict.launches() == 1 ? " launch" : " launches") + " merged"
                + (verdict.ignoredResults() == 0 ? "" : ", " + verdict.ignoredResults() + " older results left out")
                + "; report " + verdict.index().toAbsolutePath());
        verdict.failures().forEach(failure -> lines.add("  failed: " + failure));
        verdict.warnings().forEach(warning -> lines.add("  warning: " + warning));
        return lines;
    }
}
