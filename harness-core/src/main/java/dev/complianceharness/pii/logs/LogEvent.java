package dev.complianceharness.pii.logs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.Masking;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One captured log event or output line. It holds the raw message, which may be personal data: that is
 * what the checks search. {@link #toString()} masks it.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class LogEvent {

    private final long sequence;
    private final Instant capturedAt;
    private final LogSource source;
    private final String logger;
    private final String level;
    private final String thread;
    private final String message;
    private final Attribution attribution;

    LogEvent(long sequence, Instant capturedAt, LogSource source, String logger, String level, String thread,
             String message, Attribution attribution) {
        this.sequence = sequence;
        this.capturedAt = Objects.requireNonNull(capturedAt, "capturedAt");
        this.source = Objects.requireNonNull(source, "source");
        this.logger = logger == null ? "" : logger;
        this.level = level == null ? "" : level;
        this.thread = thread == null ? "" : thread;
        this.message = message == null ? "" : message;
        this.attribution = Objects.requireNonNull(attribution, "attribution");
    }

    /** @return the order in which events were captured, across all captures */
    public long sequence() {
        return sequence;
    }

    /** @return when the event was captured (wall clock) */
    public Instant capturedAt() {
        return capturedAt;
    }

    /** @return the logging framework or stream */
    public LogSource source() {
        return source;
    }

    /** @return the logger's name, or {@code System.out}/{@code System.err} for stream lines */
    public String logger() {
        return logger;
    }

    /** @return the level, such as {@code INFO}; empty for stream lines */
    public String level() {
        return level;
    }

    /** @return the name of the thread that logged */
    public String thread() {
        return thread;
    }

    /** @return the formatted message with the stack trace of an attached exception, unmasked */
    public String message() {
        return message;
    }

    /** @return how the event was attributed to its capture */
    public Attribution attribution() {
        return attribution;
    }

    /** @return the event with its message masked */
    @Override
    public String toString() {
        return source + " " + level + " " + logger + " [" + thread + "] " + Masking.mask(message)
                + " (" + attribution + ")";
    }
}
