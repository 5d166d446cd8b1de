package dev.complianceharness.property.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hears of every property run that finished inside a JUnit test the engine's extension watches, passed or
 * failed. Implementations are found through {@link java.util.ServiceLoader}; harness-core registers one that
 * puts each run into the compliance report. Called on the test's thread; implementations must be
 * thread-safe and quick, and must not throw.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface PropertyRunListener {

    /**
     * Called once per run, after it passed or failed.
     *
     * @param run how it went
     */
    void propertyRunFinished(PropertyRun run);

    /**
     * Called once per run with the test's extension context, so that a listener can keep the run with state scoped
     * to the test's launch (its {@link ExtensionContext.Store}s); by default it calls {@link #propertyRunFinished(PropertyRun)}.
     *
     * @param run     how it went
     * @param context the extension context of the test the run belongs to
     */
    default void propertyRunFinished(PropertyRun run, ExtensionContext context) {
        propertyRunFinished(run);
    }
}
