package dev.complianceharness.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The compliance test that code outside the test's parameters works for: a framework's beans, the
 * application's executors, glue such as {@code harness-spring}. A {@link ComplianceTest} registers each test
 * here while it runs, bound to the thread that runs it (and to threads that thread starts); work handed to
 * other threads carries it along through {@link #propagating(Runnable)}.
 *
 * <pre>{@code
 * // a clock bean that reads the running test's clock
 * Instant now = RunningComplianceTest.resolve("the application's Clock").clock().instant();
 * // an executor that keeps work attributed to the test that submitted it
 * executor.execute(RunningComplianceTest.propagating(task));
 * }</pre>
 *
 * <p>Attribution fails closed: a part asked for on a thread that belongs to no test while several tests run
 * cannot be given to one of them, so {@link #resolve(String)} throws and every running test gets a warning
 * (shown in its failure message and in the report) instead of recording into the wrong test or nowhere.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RunningComplianceTest {

    private static final List<RunningComplianceTest> RUNNING = new CopyOnWriteArrayList<>();
    private static final InheritableThreadLocal<RunningComplianceTest> CURRENT = new InheritableThreadLocal<>();

    private final String displayName;
    private final TestClock clock;
    private final EventTrace trace;
    private final Function<Class<?>, Object> parts;
    private volatile boolean running = true;

    private RunningComplianceTest(String displayName, TestClock clock, EventTrace trace, Function<Class<?>, Object> parts) {
        this.displayName = displayName;
        this.clock = clock;
        this.trace = trace;
        this.parts = parts;
    }

    /** Registers a test that starts on this thread; the compliance extension calls it before each test. */
    static RunningComplianceTest start(String displayName, TestClock clock, EventTrace trace, Function<Class<?>, Object> parts) {
        RunningComplianceTest test = new RunningComplianceTest(displayName, clock, trace, parts);
        RUNNING.add(test);
        CURRENT.set(test);
        return test;
    }

    /** Unregisters the test; the compliance extension calls it after each test, before the invariants are verified. */
    void end() {
        running = false;
        RUNNING.remove(this);
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }

    /**
     * The test this thread works for: the test's own thread, a thread it started, or a task wrapped with
     * {@link #propagating(Runnable)}.
     *
     * @return the test; empty on a thread that belongs to no running test
     */
    public static Optional<RunningComplianceTest> current() {
        RunningComplianceTest test = CURRENT.get();
        return test != null && test.running ? Optional.of(test) : Optional.empty();
    }

    /** @return whether any compliance test is running now, on any thread */
    public static boolean isAnyRunning() {
        return !RUNNING.isEmpty();
    }

    /**
     * The test this thread works for, or else the only compliance test running.
     *
     * @param what what asks, for the message, for example {@code "the SmsGateway bean"}
     * @return the test
     * @throws IllegalStateException when no compliance test runs, when several run and this thread belongs to
     *                               none of them (each running test then also gets a warning), or when this
     *                               thread works for a test that has ended
     */
    public static RunningComplianceTest resolve(String what) {
        RunningComplianceTest bound = CURRENT.get();
        String thread = Thread.currentThread().getName();
        if (bound != null && bound.running) {
            return bound;
        }
        if (bound != null) {
            // late work of a finished test must not land in whichever test runs now
            throw new IllegalStateException(what + " was used on thread '" + thread + "' for " + bound.displayName
                    + " after that test ended, when its invariants had already been verified: wait in the test for the"
                    + " work it starts to finish");
        }
        List<RunningComplianceTest> running = List.copyOf(RUNNING);
        if (running.size() == 1) {
            return running.get(0);
        }
        if (running.isEmpty()) {
            throw new IllegalStateException(what + " was used on thread '" + thread + "' while no compliance test runs:"
                    + " what it records would be checked by no invariant. Use it from a test annotated with @ComplianceTest.");
        }
        String warning = what + " was used on thread '" + thread + "', which belongs to none of the " + running.size()
                + " compliance tests running now, so what it did could not be checked: wrap the application's executor"
                + " tasks with RunningComplianceTest.propagating(...) (harness-spring does this for Spring's"
                + " TaskDecorator), or run these tests one at a time";
        running.forEach(test -> test.trace.warn(warning));
        throw new IllegalStateException(warning);
    }

    /**
     * Wraps a task so that it runs for the test that is current where it is wrapped.
     *
     * @param task the task
     * @return the task, bound to this thread's test when it runs; the task itself outside any test
     */
    public static Runnable propagating(Runnable task) {
        Objects.requireNonNull(task, "task");
        RunningComplianceTest test = CURRENT.get();
        if (test == null) {
            return task;
        }
        return () -> {
            RunningComplianceTest previous = CURRENT.get();
            CURRENT.set(test);
            try {
                task.run();
            } finally {
                CURRENT.set(previous);
            }
        };
    }

    /**
     * Wraps a task so that it runs for the test that is current where it is wrapped.
     *
     * @param task the task
     * @param <V>  its result
     * @return the task, bound to this thread's test when it runs; the task itself outside any test
     */
    public static <V> Callable<V> propagating(Callable<V> task) {
        Objects.requireNonNull(task, "task");
        RunningComplianceTest test = CURRENT.get();
        if (test == null) {
            return task;
        }
        return () -> {
            RunningComplianceTest previous = CURRENT.get();
            CURRENT.set(test);
            try {
                return task.call();
            } finally {
                CURRENT.set(previous);
            }
        };
    }

    /** @return the test's display name */
    public String displayName() {
        return displayName;
    }

    /** @return the test's clock, the one its {@link TestClock} parameter is */
    public TestClock clock() {
        return clock;
    }

    /** @return the test's trace */
    public EventTrace trace() {
        return trace;
    }

    /**
     * A recording part of the test: the same instance the test's parameter of that type gets.
     *
     * @param type the part's type, for example {@code SmsOutbox.class}
     * @param <T>  the type
     * @return the part
     * @throws IllegalStateException when no module active on the test provides the type
     */
    public <T> T part(Class<T> type) {
        return type.cast(parts.apply(type));
    }

    /** @return whether the test is still running (its invariants not yet verified) */
    public boolean isRunning() {
        return running;
    }

    @Override
    public String toString() {
        return "RunningComplianceTest[" + displayName + "]";
    }
}
