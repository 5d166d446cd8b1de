package dev.complianceharness.benchmarks.property;

import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one try of a property costs in the engine (recording choices, spans, edge cases, the runner)
 * against the loop a user would otherwise write: {@link SplittableRandom} drawing values of the same
 * shape — single integers in [0, 1000], and lists of 0–20 of them with the engine's average size of 5 —
 * handed to the same body. Scores are nanoseconds per try.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PropertyEngineOverheadBenchmark {

    private static final int TRIES = 1_000;
    /** The engine's probability of another element for lists of 0 to 20 elements (average 5). */
    private static final double CONTINUATION = 5.0 / 6.0;

    private final Gen<Integer> integers = Gens.integers(0, 1_000);
    private final Gen<List<Integer>> lists = Gens.lists(Gens.integers(0, 1_000), 0, 20);
    private Path failures;

    /**
     * Silences the per-property summary line and keeps failures out of the working directory.
     *
     * @throws IOException if the temporary directory cannot be created
     */
    @Setup
    public void setUp() throws IOException {
        System.setProperty("complianceharness.property.summary", "false");
        failures = Files.createTempDirectory("property-benchmark");
    }

    /**
     * The engine generating single integers.
     *
     * @param blackhole consumes every value
     */
    @Benchmark
    @OperationsPerInvocation(TRIES)
    public void engineIntegers(Blackhole blackhole) {
        Property.forAll(integers).tries(TRIES).seed(42L).storeFailuresIn(failures).check(blackhole::consume);
    }

    /**
     * A whole property check of one try: what each check costs besides its tries (naming the property,
     * looking for a stored failure, reporting the run). Not divided by tries.
     *
     * @param blackhole consumes the value
     */
    @Benchmark
    public void engineCheckOfOneTry(Blackhole blackhole) {
        Property.forAll(integers).tries(1).seed(42L).storeFailuresIn(failures).check(blackhole::consume);
    }

    /**
     * The hand-written loop generating single integers.
     *
     * @param blackhole consumes every value
     */
    @Benchmark
    @OperationsPerInvocation(TRIES)
    public void handWrittenIntegers(Blackhole blackhole) {
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < TRIES; i++) {
            blackhole.consume(Integer.valueOf(random.nextInt(1_001)));
        }
    }

    /**
     * The engine generating lists of integers.
     *
     * @param blackhole consumes every value
     */
    @Benchmark
    @OperationsPerInvocation(TRIES)
    public void engineLists(Blackhole blackhole) {
        Property.forAll(lists).tries(TRIES).seed(42L).storeFailuresIn(failures).check(blackhole::consume);
    }

    /**
     * The hand-written loop generating lists of integers.
     *
     * @param blackhole consumes every value
     */
    @Benchmark
    @OperationsPerInvocation(TRIES)
    public void handWrittenLists(Blackhole blackhole) {
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < TRIES; i++) {
            List<Integer> list = new ArrayList<>();
            while (list.size() < 20 && random.nextDouble() < CONTINUATION) {
                list.add(random.nextInt(1_001));
            }
            blackhole.consume(list);
        }
    }
}
