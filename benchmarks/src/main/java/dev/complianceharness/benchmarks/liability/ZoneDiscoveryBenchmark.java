package dev.complianceharness.benchmarks.liability;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.complianceharness.liability.LiabilityMap;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What the report listener pays to find the liability zones of a module's main classes: the liability map's
 * import of a class directory ({@link LiabilityMap#importLocations}, which the listener's discovery uses: a
 * byte scan that skips the import when no class mentions {@code @LiabilityZone}, then an import that
 * resolves no dependencies) next to the naive way, ArchUnit's default import of the directory every time.
 * Run from the repository's root after a build: {@code java -jar benchmarks/target/benchmarks.jar ZoneDiscovery}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ZoneDiscoveryBenchmark {

    /** A module's main class directory: harness-core's has no zone, the examples' has one. */
    @Param({"harness-core/target/classes", "examples/target/classes"})
    public String classes;

    private Path directory;

    /** Checks the directory exists. */
    @Setup
    public void check() {
        directory = Path.of(classes);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("No classes at " + directory.toAbsolutePath() + ": build the project first and"
                    + " run the benchmark from the repository's root");
        }
    }

    /** @return the map as the listener's discovery builds it */
    @Benchmark
    public LiabilityMap discovery() {
        return LiabilityMap.importLocations(directory);
    }

    /** @return the naive discovery: ArchUnit's default import, every time */
    @Benchmark
    public LiabilityMap naiveImportEveryTime() {
        return LiabilityMap.of(new ClassFileImporter().importPath(directory));
    }
}
