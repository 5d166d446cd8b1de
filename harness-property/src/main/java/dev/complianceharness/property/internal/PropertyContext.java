package dev.complianceharness.property.internal;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The JUnit test a property runs in, set by the harness's extensions around each test method or dynamic
 * test on the thread that runs it, so that the programmatic API finds its configuration and reports to
 * the compliance report.
 *
 * @param testId        the test's unique id
 * @param testName      its display name
 * @param testClass     its class name
 * @param testMethod    its method name, or the dynamic test's name
 * @param configuration reads a configuration parameter (system properties and {@code junit-platform.properties})
 * @param seed          a seed fixed by an annotation, if any
 * @param tries         a number of tries fixed by an annotation, if any
 */
public record PropertyContext(String testId, String testName, String testClass, String testMethod,
                              Function<String, Optional<String>> configuration, OptionalLong seed, OptionalInt tries) {

    private static final ThreadLocal<PropertyContext> CURRENT = new ThreadLocal<>();

    /**
     * The context of the test running on this thread.
     *
     * @return the context, or empty outside a test the harness's extensions watch
     */
    public static Optional<PropertyContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs an action with this context current on this thread.
     *
     * @param action the action
     * @param <X>    what the action may throw
     * @throws X what the action throws
     */
    public <X extends Throwable> void runWithin(Action<X> action) throws X {
        PropertyContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            action.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * An action that may throw.
     *
     * @param <X> what it may throw
     */
    @FunctionalInterface
    public interface Action<X extends Throwable> {
        /**
         * Runs.
         *
         * @throws X what it throws
         */
        void run() throws X;
    }
}
