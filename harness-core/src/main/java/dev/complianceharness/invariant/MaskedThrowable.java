package dev.complianceharness.invariant;

import dev.complianceharness.mask.Masking;

/**
 * Stands in for what a check threw, so that the stack trace a build log prints keeps the type, the frames and the
 * causes but never the unmasked message (an AssertJ message quotes the values it compared, personal data included).
 */
final class MaskedThrowable extends AssertionError {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LENGTH = 300;

    private MaskedThrowable(String message) {
        super(message, null);
    }

    static MaskedThrowable of(Throwable thrown) {
        return of(thrown, 0);
    }

    private static MaskedThrowable of(Throwable thrown, int depth) {
        String message = oneLine(thrown.getMessage());
        MaskedThrowable standIn = new MaskedThrowable(thrown.getClass().getName() + (message.isEmpty() ? "" : ": " + message));
        standIn.setStackTrace(thrown.getStackTrace());
        if (thrown.getCause() != null && thrown.getCause() != thrown && depth < 10) {
            standIn.initCause(of(thrown.getCause(), depth + 1));
        }
        return standIn;
    }

    /** A message masked, on one line, blank lines dropped, cut at {@value #MAX_LENGTH} characters. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                text.append(text.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        String masked = Masking.mask(text.toString());
        return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) + " …" : masked;
    }

    @Override
    public String toString() {
        // the original type's name leads the message already
        return getLocalizedMessage();
    }
}
