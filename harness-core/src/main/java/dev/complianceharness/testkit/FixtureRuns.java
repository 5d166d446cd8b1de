package dev.complianceharness.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture test classes through the Jupiter engine with parallel execution on, methods and classes
 * concurrent, as the proof that a harness capability fails the buggy fixtures and passes the correct ones
 * when users run their suites in parallel. Needs {@code org.junit.platform:junit-platform-testkit} on the
 * test class path.
 *
 * <p>The fixtures run on a thread of their own, not on the calling test's worker: a Jupiter worker that
 * waited for the nested engine's fork-join tasks would help by running other tests of the outer suite,
 * and two proof tests that each hold a lock (a memoised result, a class initialiser) while their fixtures
 * run could then wait for each other forever.
 *
 * <pre>{@code
 * @Test
 * void catchesTheLateRefund() {
 *     FixtureRuns.inParallel(LateRefundTestCase.class).testEvents()
 *             .assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.contains("acme.refund.within-60-days"))));
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class FixtureRuns {

    private FixtureRuns() {
    }

    /**
     * Runs fixture classes in parallel.
     *
     * @param fixtures the fixture classes, usually nested {@code static class ...TestCase} types
     * @return the results, for EngineTestKit's assertions
     */
    public static EngineExecutionResults inParallel(Class<?>... fixtures) {
        return inParallel(Map.of(), fixtures);
    }

    /**
     * Runs fixture classes in parallel with further configuration parameters, such as a fixed seed.
     *
     * @param configurationParameters extra JUnit configuration parameters; they may override the parallel ones
     * @param fixtures                the fixture classes
     * @return the results, for EngineTestKit's assertions
     * @throws IllegalArgumentException if no fixture is given
     */
    public static EngineExecutionResults inParallel(Map<String, String> configurationParameters, Class<?>... fixtures) {
        Objects.requireNonNull(configurationParameters, "configurationParameters");
        if (fixtures.length == 0) {
            throw new IllegalArgumentException("FixtureRuns.inParallel needs at least one fixture class to run");
        }
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameters(configurationParameters)
                .selectors(Arrays.stream(fixtures).map(fixture -> selectClass(fixture)).toArray(DiscoverySelector[]::new));
        FutureTask<EngineExecutionResults> run = new FutureTask<>(builder::execute);
        Thread runner = new Thread(run, "compliance-harness-fixture-run");
        runner.setDaemon(true);
        runner.start();
        try {
            return run.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the fixture classes ran", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The fixture classes could not be run", cause);
        }
    }
}
