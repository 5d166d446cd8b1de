package dev.complianceharness.property.internal;

import dev.complianceharness.property.configuration.HarnessConfiguration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit test a property runs in, set by the harness's extensions around each test method or dynamic
 * test on the thread that runs it, so that the programmatic API finds its configuration and reports to
 * the compliance report.
 */
public final class PropertyContext {

    private static final ThreadLocal<PropertyContext> CURRENT = new ThreadLocal<>();

    private final ExtensionContext extensionContext;
    private final String testMethod;
    private final HarnessConfiguration configuration;
    private final OptionalLong seed;
    private final OptionalInt tries;
    /** How many properties of each name ran in this test so far, so that two runs of one helper keep apart. */
    private final Map<String, AtomicInteger> runsByName = new ConcurrentHashMap<>();

    /**
     * @param extensionContext the test's extension context, to publish report entries to and to hand to listeners
     * @param testMethod       its method name, or the dynamic test's name
     * @param seed             a seed fixed by an annotation, if any
     * @param tries            a number of tries fixed by an annotation, if any
     */
    public PropertyContext(ExtensionContext extensionContext, String testMethod, OptionalLong seed, OptionalInt tries) {
        this.extensionContext = extensionContext;
        this.testMethod = testMethod;
        this.configuration = HarnessConfiguration.of(extensionContext);
        this.seed = seed;
        this.tries = tries;
    }

    /** @return the test's unique id */
    public String testId() {
        return extensionContext.getUniqueId();
    }

    /** @return the test's display name */
    public String testName() {
        return extensionContext.getDisplayName();
    }

    /** @return the test's class name, or empty */
    public String testClass() {
        return extensionContext.getTestClass().map(Class::getName).orElse("");
    }

    /** @return the test's method name, or the dynamic test's name */
    public String testMethod() {
        return testMethod;
    }

    /** @return the test's configuration (launcher parameters, system properties, {@code junit-platform.properties}) */
    public HarnessConfiguration configuration() {
        return configuration;
    }

    /** @return a seed fixed by an annotation, if any */
    public OptionalLong seed() {
        return seed;
    }

    /** @return a number of tries fixed by an annotation, if any */
    public OptionalInt tries() {
        return tries;
    }

    /** @return the test's extension context */
    public ExtensionContext extensionContext() {
        return extensionContext;
    }

    /**
     * The identity of a property run in this test, stable from one run of the suite to the next: the test's unique id
     * without its engine (class, method with parameter types, invocation), the property's name, and, from the second
     * run of one name in the test on, its position.
     *
     * @param propertyName the property's name
     * @return the identity
     */
    String identity(String propertyName) {
        int occurrence = runsByName.computeIfAbsent(propertyName, name -> new AtomicInteger()).incrementAndGet();
        String test = testId().replaceFirst("^\\[engine:[^\\]]*\\]/", "");
        return test + "#" + propertyName + (occurrence == 1 ? "" : "#" + occurrence);
    }

    /**
     * The context of the test running on this thread.
     *
     * @return the context, or empty outside a test the harness's extensions watch
     */
    public static Optional<PropertyContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs an action with this context current on this thread.
     *
     * @param action the action
     * @param <X>    what the action may throw
     * @throws X what the action throws
     */
    public <X extends Throwable> void runWithin(Action<X> action) throws X {
        PropertyContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            action.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * An action that may throw.
     *
     * @param <X> what it may throw
     */
    @FunctionalInterface
    public interface Action<X extends Throwable> {
        /**
         * Runs.
         *
         * @throws X what it throws
         */
        void run() throws X;
    }
}
