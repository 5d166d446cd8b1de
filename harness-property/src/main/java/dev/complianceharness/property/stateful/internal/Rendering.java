package dev.complianceharness.property.stateful.internal;

import dev.complianceharness.property.internal.OutputHooks;
import java.util.Arrays;

/** Renders arguments, results and models for reports, masked so that they never show personal data. */
public final class Rendering {

    private static final int MAX_LENGTH = 300;

    private Rendering() {
    }

    /**
     * Renders one value for output: with the host's value renderer when one is registered, otherwise strings
     * quoted, arrays expanded, long text cut; either way redacted.
     *
     * @param value any value, null included
     * @return the redacted rendering
     */
    public static String value(Object value) {
        return OutputHooks.render(value, Rendering::plain);
    }

    private static String plain(Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value instanceof CharSequence) {
            text = "\"" + value + "\"";
        } else if (value instanceof Object[]) {
            text = Arrays.deepToString((Object[]) value);
        } else {
            text = String.valueOf(value);
        }
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH) + "...(" + text.length() + " characters)";
        }
        return text;
    }

    /**
     * The throwable itself when its messages (and its causes') hold no personal data; otherwise a copy
     * with the same stack traces whose messages are redacted and that names the original type.
     *
     * @param thrown the throwable, or null
     * @return the throwable to attach to a failure, or null
     */
    public static Throwable masked(Throwable thrown) {
        return OutputHooks.redact(thrown);
    }

    /**
     * Renders a throwable as its type and masked message.
     *
     * @param thrown the throwable
     * @return for example {@code IllegalStateException: account closed}
     */
    public static String thrown(Throwable thrown) {
        String message = thrown.getMessage();
        String type = thrown instanceof AssertionError ? "" : thrown.getClass().getSimpleName() + ": ";
        return type + (message == null ? "(no message)" : OutputHooks.redact(message.strip()));
    }
}
