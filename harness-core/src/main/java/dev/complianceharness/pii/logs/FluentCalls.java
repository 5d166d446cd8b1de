package dev.complianceharness.pii.logs;

/**
 * Tells a guard such as {@code isDebugEnabled()} that a fluent builder ({@code log.atDebug()...log()}) asks
 * from one the code asks itself. A fluent event skips the filters that keep events below the configured level
 * from the application's appenders, so the capture must not switch the level on for it.
 */
final class FluentCalls {

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final int FRAMES = 12;

    private FluentCalls() {
    }

    /** @return whether the current level check comes from a fluent logging builder */
    static boolean inProgress() {
        return WALKER.walk(frames -> frames.limit(FRAMES).anyMatch(frame -> isFluent(frame.getClassName(),
                frame.getMethodName())));
    }

    static boolean isFluent(String className, String methodName) {
        boolean builderMethod = methodName.startsWith("at") || methodName.equals("isEnabledForLevel");
        return (className.equals("org.slf4j.Logger") && builderMethod) || className.startsWith("org.slf4j.spi.")
                || (className.startsWith("org.apache.logging.log4j.") && (methodName.startsWith("at")
                        || className.endsWith("LogBuilder")));
    }
}
