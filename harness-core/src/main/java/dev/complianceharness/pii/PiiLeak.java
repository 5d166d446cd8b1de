package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.pii.logs.Attribution;
import dev.complianceharness.pii.logs.LogSource;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Personal data found in captured output: what was found (a planted canary field or a detector), in which
 * form, where it was logged, and the line with the data masked. It carries no unmasked value, so it can be
 * printed and reported.
 *
 * @param instant        when the line was captured
 * @param what           the canary field, such as {@code customer #1.email}, or the detector, such as
 *                       {@code detector card (confidence 0.95)}
 * @param transformation the form it was found in, such as {@code as planted}, {@code url-encoded} or
 *                       {@code partial mask revealing 10 of 16 digits}
 * @param canary         whether a planted canary was found (rather than a pattern match)
 * @param logger         the logger, or {@code System.out}/{@code System.err}
 * @param source         the logging framework or stream
 * @param level          the level, empty for stream lines
 * @param thread         the thread that logged
 * @param attribution    how the line was attributed to the test
 * @param maskedLine     the line, masked
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PiiLeak(Instant instant, String what, String transformation, boolean canary, String logger,
                      LogSource source, String level, String thread, Attribution attribution, String maskedLine)
        implements RecordedEvent {

    /** Checks the parts. */
    public PiiLeak {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(transformation, "transformation");
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(maskedLine, "maskedLine");
    }

    /**
     * @return one line: what, how, where and the masked line, such as
     *         {@code customer #1.email, url-encoded, logged by app.Desk (LOGBACK INFO, thread main): "..."}
     */
    @Override
    public String describeMasked() {
        String levelPart = level == null || level.isEmpty() ? "" : " " + level;
        String attributionPart = attribution == Attribution.TEST_THREAD ? "" : ", " + attributionText();
        return what + ", " + transformation + ", logged by " + logger + " (" + source + levelPart + ", thread " + thread
                + attributionPart + "): \"" + maskedLine + "\"";
    }

    private String attributionText() {
        return switch (attribution) {
            case PROPAGATED -> "context propagated";
            case MDC -> "attributed by MDC";
            case EXCLUSIVE -> "claimed under the global lock";
            case UNATTRIBUTED -> "not attributable to a test";
            case TEST_THREAD -> "";
        };
    }
}
