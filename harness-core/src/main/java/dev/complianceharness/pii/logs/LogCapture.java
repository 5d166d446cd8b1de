package dev.complianceharness.pii.logs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Captures what the application logs — through Logback, Log4j 2, {@code java.util.logging},
 * {@code System.out} and {@code System.err}, whichever are on the class path — until it is closed.
 * {@code @NoPiiInLogs} opens one per test; use this class directly where the annotation does not fit.
 *
 * <pre>{@code
 * try (LogCapture capture = LogCapture.start("password reset")) {
 *     desk.resetPassword(customer);
 *     assertThat(capture.logs()).containsNoPii();
 * }
 * }</pre>
 *
 * <h2>How events are attributed while tests run in parallel</h2>
 * Appenders and streams are global, so the harness installs them once, while any capture is open, and
 * leaves the team's own configuration (appenders, levels, filters, configuration files) untouched. Each
 * event is routed, on the thread that logged it, to the capture it belongs to:
 * <ol>
 *   <li>the capture context of the logging thread: the thread that started the capture and tasks wrapped
 *       by {@link LogContext#propagating(java.util.concurrent.ExecutorService)} or
 *       {@link LogContext#wrap(Runnable)};</li>
 *   <li>the capture named by {@link LogContext#MDC_KEY} in the Logback MDC or the Log4j2 ThreadContext, for
 *       teams that already propagate their MDC across threads;</li>
 *   <li>the context a thread inherited from the thread that started it (an {@link InheritableThreadLocal}),
 *       so threads and pools created during a test need no wiring. A pool thread keeps that context after
 *       the test ends, and a static pool first used by one test would attribute later tests' events to it
 *       while it runs: wrap pools that outlive a test with {@link LogContext#propagating(java.util.concurrent.ExecutorService)};</li>
 *   <li>the one capture started with {@link #startExclusive(String)}, which claims every event it cannot
 *       attribute otherwise — only correct while nothing else logs, hence
 *       {@code @NoPiiInLogs(isolation = GLOBAL_LOCK)} takes a global resource lock for it;</li>
 *   <li>and every other open capture, marked {@link Attribution#UNATTRIBUTED}: a canary value found there
 *       still identifies its test, since only that test planted it.</li>
 * </ol>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class LogCapture implements AutoCloseable {

    /** Numbers the captures of this JVM: an id only has to tell two open captures apart. */
    private static final class ProcessScope {
        static final java.util.concurrent.atomic.AtomicLong NEXT_CAPTURE = new java.util.concurrent.atomic.AtomicLong();
    }

    private final CaptureScope scope;
    private final CaptureScope.Binding previous;

    private LogCapture(String label, boolean exclusive, CheckedLevels levels) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(levels, "levels");
        CapturedLogs logs = new CapturedLogs(label, levels);
        // a counter, not UUID.randomUUID(): that seeds SecureRandom, tens of milliseconds in a cold test JVM
        this.scope = new CaptureScope("capture-" + ProcessScope.NEXT_CAPTURE.incrementAndGet(), logs, Thread.currentThread(),
                exclusive, levels);
        this.previous = CaptureScope.CURRENT.get();
        LogRouter.INSTANCE.open(scope);
        CaptureScope.CURRENT.set(new CaptureScope.Binding(scope, false));
    }

    /**
     * Starts capturing for the current thread, the threads it starts and tasks wrapped by {@link LogContext}.
     *
     * @param label what the capture is for, such as the test's name; used in messages
     * @return the running capture; close it to stop
     */
    public static LogCapture start(String label) {
        return new LogCapture(label, false, CheckedLevels.CONFIGURED);
    }

    /**
     * Starts capturing for the current thread, the threads it starts and tasks wrapped by {@link LogContext}.
     *
     * <pre>{@code
     * try (LogCapture capture = LogCapture.start("export", CheckedLevels.ALL)) {   // DEBUG and TRACE too
     *     exporter.run();
     * }
     * }</pre>
     *
     * @param label  what the capture is for, such as the test's name; used in messages
     * @param levels which levels to check
     * @return the running capture; close it to stop
     */
    public static LogCapture start(String label, CheckedLevels levels) {
        return new LogCapture(label, false, levels);
    }

    /**
     * Starts a capture that also claims every event no other capture can be attributed, for code that
     * logs from threads without the capture's context. Only one may be open at a time.
     *
     * @param label what the capture is for
     * @return the running capture
     * @throws IllegalStateException if another exclusive capture is open
     */
    public static LogCapture startExclusive(String label) {
        return new LogCapture(label, true, CheckedLevels.CONFIGURED);
    }

    /**
     * Starts a capture that also claims every event no other capture can be attributed.
     *
     * @param label  what the capture is for
     * @param levels which levels to check
     * @return the running capture
     * @throws IllegalStateException if another exclusive capture is open
     */
    public static LogCapture startExclusive(String label, CheckedLevels levels) {
        return new LogCapture(label, true, levels);
    }

    /** @return the events captured so far; safe to read while the application logs */
    public CapturedLogs logs() {
        return scope.logs;
    }

    /** @return the id the capture is known by in {@link LogContext#MDC_KEY} */
    public String id() {
        return scope.id;
    }

    /** @return problems attaching to a logging framework, such as an incompatible version; empty when none */
    public List<String> problems() {
        return LogRouter.INSTANCE.problems();
    }

    /**
     * What the capture could not see, each a sentence saying how to fix it: SLF4J without a provider, Log4j 2
     * on its default configuration, events below the configured level that were not checked. Empty when the
     * capture saw everything the application logged.
     *
     * @return the gaps, in the order they were noticed
     */
    public List<String> unchecked() {
        return scope.unchecked();
    }

    /**
     * Wraps {@code System.out} and {@code System.err} again if something replaced them since the capture
     * started, such as another extension capturing the standard streams ({@code @StdIo}). The compliance
     * extension calls it right before each test method runs.
     */
    public void checkStandardStreams() {
        LogRouter.INSTANCE.retapStandardStreams();
    }

    /** Stops capturing; the events stay readable. Closing twice does nothing. */
    @Override
    public void close() {
        LogRouter.INSTANCE.close(scope);
        if (Thread.currentThread() == scope.owner && CaptureScope.current() == scope) {
            if (previous == null) {
                CaptureScope.CURRENT.remove();
            } else {
                CaptureScope.CURRENT.set(previous);
            }
        }
    }
}
