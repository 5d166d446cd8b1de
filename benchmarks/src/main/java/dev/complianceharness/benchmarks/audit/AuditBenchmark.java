package dev.complianceharness.benchmarks.audit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.complianceharness.audit.AuditReport;
import dev.complianceharness.audit.CodebaseAudit;
import dev.complianceharness.liability.ClassImports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The audit of a real codebase — Kill Bill 0.25.4's payment, invoice and account jars, fetched by
 * {@code scripts/audit-killbill.sh} — next to what a user would write with ArchUnit's defaults: the same
 * classification after a {@code ClassFileImporter} that resolves missing dependencies from the class path.
 * The classification is the same in both, so the naive audit's time is the audit's with its import replaced
 * by the default one: {@code audit - importWithoutResolution + naiveDefaultImport}, each measured in the
 * same run ({@code scripts/benchmark-tables.py} computes it).
 * Run from the repository's root: {@code java -jar benchmarks/target/benchmarks.jar AuditBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AuditBenchmark {

    /** The directory holding the jars to audit. */
    @Param("target/audit-killbill/jars")
    public String jars;

    private List<Path> locations;

    /** Finds the jars. */
    @Setup
    public void findJars() throws IOException {
        Path directory = Path.of(jars);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("No jars at " + directory.toAbsolutePath()
                    + ": run scripts/audit-killbill.sh first, from the repository's root");
        }
        try (Stream<Path> files = Files.list(directory)) {
            locations = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
        if (locations.isEmpty()) {
            throw new IllegalStateException("No jars in " + directory.toAbsolutePath() + ": run scripts/audit-killbill.sh first");
        }
    }

    /** @return the full audit: import without resolution, classification, ranking */
    @Benchmark
    public AuditReport audit() throws IOException {
        return CodebaseAudit.of(locations).run();
    }

    /** @return the audit's import alone */
    @Benchmark
    public JavaClasses importWithoutResolution() {
        return ClassImports.locations(locations);
    }

    /** @return ArchUnit's default import alone, which resolves missing dependencies from the class path */
    @Benchmark
    public JavaClasses naiveDefaultImport() {
        return defaultImport();
    }

    private JavaClasses defaultImport() {
        List<JarFile> opened = new ArrayList<>();
        try {
            for (Path location : locations) {
                opened.add(new JarFile(location.toFile()));
            }
            return new ClassFileImporter().importJars(opened);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (JarFile jar : opened) {
                try {
                    jar.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
