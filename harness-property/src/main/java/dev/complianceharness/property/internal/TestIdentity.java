package dev.complianceharness.property.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.annotation.Testable;

/**
 * Finds the test a property runs in when no harness extension told the engine: the innermost method on the calling
 * thread's stack that JUnit runs as a test ({@code @Test}, {@code @TestFactory}, {@code @ParameterizedTest} and every
 * other annotation marked {@link Testable}).
 */
final class TestIdentity {

    private TestIdentity() {
    }

    /**
     * The calling test as {@code class#method}, or the caller without its line when no test method is on the stack.
     *
     * @param caller the frame that called the check, {@code class.method:line}
     * @return the identity
     */
    static String ofCallingTest(String caller) {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(stream -> stream.limit(200).toList());
        for (StackWalker.StackFrame frame : frames) {
            Optional<String> test = testMethod(frame.getDeclaringClass(), frame.getMethodName());
            if (test.isPresent()) {
                return test.get();
            }
        }
        return caller.replaceFirst(":\\d+$", "");
    }

    private static Optional<String> testMethod(Class<?> type, String methodName) {
        try {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(methodName) && isTestable(method)) {
                    return Optional.of(type.getName() + "#" + methodName);
                }
            }
        } catch (LinkageError | SecurityException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isTestable(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType() == Testable.class
                    || annotation.annotationType().isAnnotationPresent(Testable.class)) {
                return true;
            }
        }
        return false;
    }
}
