package dev.complianceharness.benchmarks.pii;

import dev.complianceharness.pii.Detector;
import dev.complianceharness.pii.PiiFinding;
import dev.complianceharness.pii.PiiScanner;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Scanning throughput, single thread, over 5,000 synthetic log lines (0.70 MB, 2 % with planted PII,
 * every detector on): the harness's {@link PiiScanner} against the naive approach ({@link NaivePiiScanner})
 * in the same run. One operation scans the whole corpus; MB/s = corpus size / time per operation. The
 * setup prints the corpus size, the recall on planted lines and the false positives of both scanners.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PiiScanBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PiiScanBenchmark {

    static final int LINES = 5_000;
    static final long SEED = 42L;

    private List<SyntheticLogs.Line> corpus;
    private PiiScanner scanner;
    private NaivePiiScanner naive;

    /** Builds the corpus and prints its size with the recall and false positives of both scanners. */
    @Setup(Level.Trial)
    public void setUp() {
        corpus = SyntheticLogs.generate(LINES, SEED);
        scanner = PiiScanner.defaults();
        naive = new NaivePiiScanner();
        System.out.printf(Locale.ROOT, "%ncorpus: %d lines, %.2f MB, %d with planted PII (seed %d)%n", corpus.size(),
                SyntheticLogs.bytes(corpus) / 1e6, corpus.stream().filter(line -> line.planted() != null).count(), SEED);
        System.out.println("harness: " + quality(line -> scanner.scan(line).stream().map(PiiFinding::detector).toList()));
        System.out.println("naive:   " + quality(naive::scan));
    }

    /** @return the findings of the harness scanner over the corpus */
    @Benchmark
    public int harnessScanner() {
        int findings = 0;
        for (SyntheticLogs.Line line : corpus) {
            findings += scanner.scan(line.text()).size();
        }
        return findings;
    }

    /** @return the findings of the naive scanner over the corpus */
    @Benchmark
    public int naiveScanner() {
        int findings = 0;
        for (SyntheticLogs.Line line : corpus) {
            findings += naive.scan(line.text()).size();
        }
        return findings;
    }

    private String quality(Function<String, List<Detector>> scan) {
        int planted = 0;
        int recalled = 0;
        int falsePositives = 0;
        for (SyntheticLogs.Line line : corpus) {
            List<Detector> found = scan.apply(line.text());
            if (line.planted() != null) {
                planted++;
                if (found.contains(line.planted())) {
                    recalled++;
                }
                falsePositives += (int) found.stream().filter(detector -> detector != line.planted()).count();
            } else {
                falsePositives += found.size();
            }
        }
        return String.format(Locale.ROOT, "recall %d/%d (%.1f %%), false positives %d", recalled, planted,
                100.0 * recalled / planted, falsePositives);
    }
}
