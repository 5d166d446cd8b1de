package dev.complianceharness.pii.logs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How a captured event was attributed to the capture (and so to the test) it belongs to. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum Attribution {
    /** Logged on the thread that started the capture. */
    TEST_THREAD,
    /**
     * Logged on another thread that carried the capture's context: a thread started by the test thread
     * (the context is an {@link InheritableThreadLocal}) or a task wrapped by {@link LogContext}.
     */
    PROPAGATED,
    /** Logged on a thread whose MDC (Logback) or ThreadContext (Log4j2) holds {@link LogContext#MDC_KEY}. */
    MDC,
    /** Not attributable, and claimed by the one exclusive capture running (see {@link LogCapture#startExclusive(String)}). */
    EXCLUSIVE,
    /**
     * Not attributable: logged on a thread without any capture context while this capture was open. Such
     * events are shared by every open capture; a canary value in one still identifies its test.
     */
    UNATTRIBUTED
}
