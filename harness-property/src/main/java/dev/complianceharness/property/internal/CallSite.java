package dev.complianceharness.property.internal;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a property check was called from: the first frame outside the engine, which names an unnamed property.
 *
 * <p>The walk stops at that frame and reads no line number where the method is known to have them: a deep walk and a
 * line number were most of what a check of a few tries cost, and the engine never showed the line (it named the
 * property {@code class.method}). Only a method without line numbers keeps the negative line the JDK reports for it
 * ({@code class.method:-1}), as it always did.
 */
public final class CallSite {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** The methods of each class known to have line numbers, so that each one's line is read once. */
    private static final ClassValue<Set<String>> METHODS_WITH_LINES = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return ConcurrentHashMap.newKeySet();
        }
    };
    private static final String INTERNAL_PACKAGE = CallSite.class.getPackageName() + ".";

    private CallSite() {
    }

    /**
     * The first frame on the calling thread's stack that is not the engine's, as {@code class.method}.
     *
     * @param engineClasses the API classes whose frames are the engine's own, besides this package's
     * @param fallback      the caller when every frame is the engine's
     * @return the caller
     */
    public static String callerOf(Set<String> engineClasses, String fallback) {
        return WALKER.walk(frames -> {
            for (Iterator<StackFrame> it = frames.iterator(); it.hasNext(); ) {
                StackFrame frame = it.next();
                String type = frame.getClassName();
                if (!engineClasses.contains(type) && !type.startsWith(INTERNAL_PACKAGE)) {
                    return describe(frame);
                }
            }
            return fallback;
        });
    }

    private static String describe(StackFrame frame) {
        String methodName = frame.getMethodName();
        String method = frame.getClassName() + "." + methodName;
        Set<String> withLines = METHODS_WITH_LINES.get(frame.getDeclaringClass());
        if (withLines.contains(methodName)) {
            return method;
        }
        int line = frame.getLineNumber();
        if (line >= 0) {
            withLines.add(methodName);
            return method;
        }
        return method + ":" + line;
    }
}
