package dev.complianceharness.property.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.platform.commons.annotation.Testable;

/**
 * Finds the test a property runs in when no harness extension told the engine: the innermost method on the calling
 * thread's stack that JUnit runs as a test ({@code @Test}, {@code @TestFactory}, {@code @ParameterizedTest} and every
 * other annotation marked {@link Testable}).
 */
final class TestIdentity {

    /**
     * The names of each class's test methods, found once per class: a check looks at every frame of a deep stack
     * (JUnit's, Surefire's, JMH's), and reading each class's methods on every check was most of the check's cost.
     */
    private static final ClassValue<Set<String>> TEST_METHODS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            try {
                Set<String> names = new HashSet<>();
                for (Method method : type.getDeclaredMethods()) {
                    if (isTestable(method)) {
                        names.add(method.getName());
                    }
                }
                return Set.copyOf(names);
            } catch (LinkageError | SecurityException unreadable) {
                return Set.of();
            }
        }
    };
    /** How many frames, from its own, the walk looked through for a test method when the engine was constructed. */
    private static final int FRAME_LIMIT = 200;
    private static final Pattern LINE_NUMBER = Pattern.compile(":\\d+$");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private TestIdentity() {
    }

    /**
     * The calling test as {@code class#method}, or the caller without its line when no test method is on the stack.
     * Called while the engine runs, it looks at the 200 frames from the engine's {@code run} down,
     * the frames from its constructor down that it looked at when the engine found the test as it was constructed
     * (the two are called by the same method).
     *
     * @param caller the frame that called the check, {@code class.method}, possibly with {@code :line}
     * @return the identity
     */
    static String ofRunningEngine(String caller) {
        // lazily, and a frame's method name (costly to read) only where its class has test methods at all
        Optional<String> test = WALKER.walk(frames -> frames
                .dropWhile(frame -> frame.getDeclaringClass() != Engine.class || !"run".equals(frame.getMethodName()))
                .limit(FRAME_LIMIT - 1)
                .filter(frame -> {
                    Set<String> testMethods = TEST_METHODS.get(frame.getDeclaringClass());
                    return !testMethods.isEmpty() && testMethods.contains(frame.getMethodName());
                })
                .findFirst()
                .map(frame -> frame.getDeclaringClass().getName() + "#" + frame.getMethodName()));
        return test.orElseGet(() -> LINE_NUMBER.matcher(caller).replaceFirst(""));
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
