package dev.complianceharness.property.stateful.internal;

import dev.complianceharness.mask.Masking;
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
        return Masking.mask(text);
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
        return type + (message == null ? "(no message)" : Masking.mask(message.strip()));
    }
}
