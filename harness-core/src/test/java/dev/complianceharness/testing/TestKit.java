package dev.complianceharness.testing;


import dev.complianceharness.testkit.FixtureRuns;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Runs fixture test classes through the Jupiter engine with parallel execution on, as users run them. */
public final class TestKit {

    private TestKit() {
    }

    public static EngineExecutionResults execute(Class<?> testClass) {
        return FixtureRuns.inParallel(testClass);
    }
}
