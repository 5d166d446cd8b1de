package dev.complianceharness.property.stateful.internal;

import dev.complianceharness.property.internal.OutputHooks;
import java.util.Arrays;

/** Renders arguments, results and models for reports, masked so that they never show personal data. */
public final class Rendering {

    private static final int MAX_LENGTH = 300;

    private Rendering() {
    }

    /**
     * Renders one value: strings quoted, arrays expanded, long text cut, personal data masked.
     *
     * @param value any value, null included
     * @return the masked rendering
     */
    public static String value(Object value) {
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
        return OutputHooks.redact(text);
    }

    /**
     * The throwable itself when its messages (and its causes') hold no personal data; otherwise a copy
     * with the same stack traces whose messages are masked and that names the original type.
     *
     * @param thrown the throwable, or null
     * @return the throwable to attach to a failure, or null
     */
    public static Throwable masked(Throwable thrown) {
        if (thrown == null || isClean(thrown)) {
            return thrown;
        }
        return new MaskedThrowable(thrown);
    }

    private static boolean isClean(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            String message = current.getMessage();
            if (message != null && !message.equals(OutputHooks.redact(message))) {
                return false;
            }
            if (current.getCause() == current) {
                return true;
            }
        }
        return true;
    }

    /** A throwable whose message had personal data in it, masked, with the original's stack trace. */
    private static final class MaskedThrowable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedThrowable(Throwable original) {
            super(original.getClass().getName() + ": " + OutputHooks.redact(String.valueOf(original.getMessage())),
                    original.getCause() == null || original.getCause() == original ? null : masked(original.getCause()),
                    false, true);
            setStackTrace(original.getStackTrace());
        }
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
