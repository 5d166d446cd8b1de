package dev.complianceharness.pii.logs;

/** Where a captured log event came from. */
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
