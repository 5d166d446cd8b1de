package dev.complianceharness.pii.internal;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.RecordingLifecycle;
import dev.complianceharness.junit.ComplianceConfigurationException;
import dev.complianceharness.pii.Canaries;
import dev.complianceharness.pii.logs.CapturedLogs;
import dev.complianceharness.pii.logs.LogCapture;
import java.time.Instant;

/**
 * What {@code @NoPiiInLogs} keeps for one test: the settings, the log capture and the canaries. Started
 * before the test; closed before the invariants are verified, when it stops the capture and records every
 * leak, and every gap in what it could see, into the test's trace.
 */
public final class PiiLogSession implements RecordingLifecycle {

    private final NoPiiInLogsSettings settings;
    private final EventTrace trace;
    private final LogCapture capture;
    private final Canaries canaries;
    private boolean closed;

    private PiiLogSession(NoPiiInLogsSettings settings, EventTrace trace, LogCapture capture, Canaries canaries) {
        this.settings = settings;
        this.trace = trace;
        this.capture = capture;
        this.canaries = canaries;
    }

    /**
     * Starts capturing for the test.
     *
     * @param context the test's recording context
     * @return the running session
     * @throws ComplianceConfigurationException if the configuration is invalid or a logging framework cannot be tapped
     */
    public static PiiLogSession start(RecordingContext context) {
        NoPiiInLogsSettings settings = NoPiiInLogsSettings.of(context);
        long seed = settings.seed(context);
        LogCapture capture = settings.claimsUnattributed()
                ? LogCapture.startExclusive(context.testName(), settings.annotation().levels())
                : LogCapture.start(context.testName(), settings.annotation().levels());
        if (!capture.problems().isEmpty()) {
            capture.close();
            throw new ComplianceConfigurationException("@NoPiiInLogs cannot verify " + context.testName()
                    + ": " + String.join("; ", capture.problems()) + ". Fix the logging set-up (one SLF4J provider,"
                    + " a log4j-core version 2.17 or newer) so that every framework on the class path can be captured");
        }
        return new PiiLogSession(settings, context.trace(), capture, Canaries.withSeed(seed));
    }

    /** @return the test's canaries */
    public Canaries canaries() {
        return canaries;
    }

    /** @return what the test's capture collected */
    public CapturedLogs logs() {
        return capture.logs();
    }

    @Override
    public void beforeTestMethod() {
        capture.checkStandardStreams();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        capture.close();
        LeakFinder.Result result = new LeakFinder(settings.scanner(), canaries.planted(), settings.forms(), settings.hashes())
                .find(capture.logs().events(), settings.claimsUnattributed());
        trace.record(new CanarySeed(Instant.now(), canaries.seed(), canaries.planted().size()));
        result.leaks().forEach(trace::record);
        capture.unchecked().forEach(trace::warn);
        if (result.unattributedFindings() > 0) {
            trace.warn(result.unattributedFindings() + (result.unattributedFindings() == 1 ? " detector finding" : " detector findings")
                    + " in log events no test could be attributed were not counted against this test; wrap the"
                    + " application's executors with LogContext.propagating(...) or use @NoPiiInLogs(isolation = GLOBAL_LOCK)");
        }
    }
}
