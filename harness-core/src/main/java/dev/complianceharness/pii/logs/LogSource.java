package dev.complianceharness.pii.logs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Where a captured log event came from. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum LogSource {
    /** Logback (usually through SLF4J). */
    LOGBACK,
    /** Log4j 2 with log4j-core. */
    LOG4J2,
    /** {@code java.util.logging}. */
    JUL,
    /** A line written to {@code System.out}. */
    STDOUT,
    /** A line written to {@code System.err}. */
    STDERR
}
