package dev.complianceharness.property.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A throwable whose message held something to redact, shown with its message redacted, the original's stack
 * trace, its causes and suppressed throwables redacted alike, and printed under the original's type name. What a property's body threw
 * becomes the cause of its failure, and a cause's message is printed with every stack trace: an assertion
 * message such as {@code expected "ada@example.com" ...} must not reach the build log as it is.
 */
final class RedactedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalType;

    private RedactedThrowable(Throwable original, Set<Throwable> seen) {
        super(OutputHooks.redact(original.getMessage()),
                original.getCause() == null || seen.contains(original.getCause()) ? null : copy(original.getCause(), seen),
                true, true);
        this.originalType = original.getClass().getName();
        setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                addSuppressed(copy(suppressed, seen));
            }
        }
    }

    /**
     * @param thrown a throwable, or null
     * @return the throwable itself when nothing in it needs redacting, else a redacted copy; null for null
     */
    static Throwable of(Throwable thrown) {
        if (thrown == null || isClean(thrown, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return thrown;
        }
        return copy(thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable thrown, Set<Throwable> seen) {
        seen.add(thrown);
        return new RedactedThrowable(thrown, seen);
    }

    private static boolean isClean(Throwable thrown, Set<Throwable> seen) {
        if (!seen.add(thrown)) {
            return true;
        }
        String message = thrown.getMessage();
        if (message != null && !message.equals(OutputHooks.redact(message))) {
            return false;
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            if (!isClean(suppressed, seen)) {
                return false;
            }
        }
        return thrown.getCause() == null || isClean(thrown.getCause(), seen);
    }

    /** @return the original's type and the redacted message, as a stack trace prints them */
    @Override
    public String toString() {
        return getMessage() == null ? originalType : originalType + ": " + getMessage();
    }
}
