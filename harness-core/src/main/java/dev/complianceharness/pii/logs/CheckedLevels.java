package dev.complianceharness.pii.logs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Which log levels a capture checks. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum CheckedLevels {
    /**
     * The levels the logging configuration enables. Logback and Log4j 2 events below them are counted, and
     * the capture reports how many it could not check ({@link LogCapture#unchecked()}).
     */
    CONFIGURED,
    /**
     * Every level, {@code TRACE} and up, for Logback and Log4j 2: events below the configured level are
     * captured without reaching the application's own appenders, and guarded calls such as
     * {@code if (log.isDebugEnabled())} run for the capturing test's threads. {@code java.util.logging} keeps
     * its configured levels (it has no hook below them).
     */
    ALL
}
