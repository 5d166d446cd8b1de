package dev.complianceharness.benchmarks.pii;

import dev.complianceharness.pii.Detector;
import dev.complianceharness.pii.PiiFinding;
import dev.complianceharness.pii.PiiScanner;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Scanning throughput, single thread, every detector on: the harness's {@link PiiScanner} against the best
 * scanner a competent user would write ({@link CompetentPiiScanner}: one compiled alternation, one pass per
 * line), in the same run, over two corpora of 5,000 log lines:
 *
 * <ul>
 *   <li>{@code synthetic}: our own realistic application logs, 2 % of lines with planted PII or a secret
 *       ({@link SyntheticLogs}, seed 42);</li>
 *   <li>{@code datafaker}: lines whose PII and look-alikes come from Datafaker, which the detectors' authors
 *       did not write, 10 % of lines planted ({@link FakerLogs}, seed 20261203).</li>
 * </ul>
 *
 * <p>One operation scans the whole corpus. The secondary results are facts of the corpus and the scanner,
 * the same in every iteration: {@code megabytes} (the corpus size, so MB/s = megabytes / seconds per
 * operation), {@code recall} (planted lines found by the right detector, in percent), {@code missed} and
 * {@code falsePositives} (findings on lines without planted PII, or of another detector).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PiiScanBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PiiScanBenchmark {

    static final int LINES = 5_000;
    static final long SYNTHETIC_SEED = 42L;
    static final long DATAFAKER_SEED = 20261203L;

    /** Which corpus to scan. */
    @Param({"synthetic", "datafaker"})
    public String corpus;

    private List<SyntheticLogs.Line> lines;
    private PiiScanner scanner;
    private CompetentPiiScanner baseline;
    private Quality harnessQuality;
    private Quality baselineQuality;

    /** How well a scanner did on the corpus: set by every operation, the same in every iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        /** The corpus size in megabytes (10^6 bytes, UTF-8, one newline per line). */
        public double megabytes;
        /** Planted lines found by the detector planted, in percent. */
        public double recall;
        /** Planted lines not found by the detector planted. */
        public double missed;
        /** Findings on lines without planted PII, or of another detector than the planted one. */
        public double falsePositives;

        void set(Quality quality) {
            megabytes = quality.megabytes();
            recall = quality.recall();
            missed = quality.missed();
            falsePositives = quality.falsePositives();
        }
    }

    /**
     * What a scanner found on the corpus.
     *
     * @param megabytes      the corpus size
     * @param recall         planted lines found, in percent
     * @param missed         planted lines not found, in total
     * @param falsePositives wrong findings
     * @param missedByKind   planted lines not found, per planted detector
     */
    record Quality(double megabytes, double recall, int missed, int falsePositives, Map<Detector, Integer> missedByKind) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "recall %.1f %%, missed %d %s, false positives %d", recall, missed,
                    missedByKind, falsePositives);
        }
    }

    /** Builds the corpus and scores both scanners on it, printing the scores. */
    @Setup(Level.Trial)
    public void setUp() {
        lines = switch (corpus) {
            case "synthetic" -> SyntheticLogs.generate(LINES, SYNTHETIC_SEED);
            case "datafaker" -> FakerLogs.generate(LINES, DATAFAKER_SEED);
            default -> throw new IllegalArgumentException("unknown corpus " + corpus + ": use synthetic or datafaker");
        };
        scanner = PiiScanner.defaults();
        baseline = new CompetentPiiScanner();
        harnessQuality = quality(line -> scanner.scan(line).stream().map(PiiFinding::detector).toList());
        baselineQuality = quality(baseline::scan);
        System.out.printf(Locale.ROOT, "%n%s corpus: %d lines, %.2f MB, %d with planted PII%n", corpus, lines.size(),
                SyntheticLogs.bytes(lines) / 1e6, lines.stream().filter(line -> line.planted() != null).count());
        System.out.println("harness:  " + harnessQuality);
        System.out.println("baseline: " + baselineQuality);
    }

    /**
     * The harness scanner over the corpus.
     *
     * @param outcome receives the harness scanner's scores
     * @return the number of findings
     */
    @Benchmark
    public int harnessScanner(Outcome outcome) {
        int findings = 0;
        for (SyntheticLogs.Line line : lines) {
            findings += scanner.scan(line.text()).size();
        }
        outcome.set(harnessQuality);
        return findings;
    }

    /**
     * The competent user's scanner over the corpus.
     *
     * @param outcome receives the baseline's scores
     * @return the number of findings
     */
    @Benchmark
    public int baselineScanner(Outcome outcome) {
        int findings = 0;
        for (SyntheticLogs.Line line : lines) {
            findings += baseline.scan(line.text()).size();
        }
        outcome.set(baselineQuality);
        return findings;
    }

    private Quality quality(Function<String, List<Detector>> scan) {
        int planted = 0;
        int recalled = 0;
        int falsePositives = 0;
        Map<Detector, Integer> missedByKind = new EnumMap<>(Detector.class);
        for (SyntheticLogs.Line line : lines) {
            List<Detector> found = scan.apply(line.text());
            if (line.planted() != null) {
                planted++;
                if (found.contains(line.planted())) {
                    recalled++;
                } else {
                    missedByKind.merge(line.planted(), 1, Integer::sum);
                }
                falsePositives += (int) found.stream().filter(detector -> detector != line.planted()).count();
            } else {
                falsePositives += found.size();
            }
        }
        return new Quality(SyntheticLogs.bytes(lines) / 1e6, 100.0 * recalled / planted, planted - recalled,
                falsePositives, missedByKind);
    }
}
