package dev.complianceharness.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.configuration.HarnessConfiguration;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What a recording part is created with: the running test's trace and clock, its display name, the
 * elements it is declared on (for a module's own configuration annotation), and the test's other parts.
 *
 * <pre>{@code
 * RecordingPart.of(Outbox.class, context -> new Outbox(context.trace(), context.clock(),
 *         context.findAnnotation(OutboxSettings.class).map(OutboxSettings::region).orElse("US")));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RecordingContext {

    private final EventTrace trace;
    private final TestClock clock;
    private final String testName;
    private final List<AnnotatedElement> annotatedElements;
    private final Host host;

    /**
     * A context for a part created outside the compliance extension, such as in an invariant author's own test:
     * without annotations and without other parts.
     *
     * @param trace    where the part records events
     * @param clock    the clock the part stamps events with
     * @param testName the running test's display name
     */
    public RecordingContext(EventTrace trace, TestClock clock, String testName) {
        this(trace, clock, testName, List.of(), null);
    }

    /**
     * The context the compliance extension creates for a test.
     *
     * @param trace             where parts record events
     * @param clock             the clock parts stamp events with
     * @param testName          the running test's display name
     * @param annotatedElements the test's outermost enclosing class first, down to the test method
     * @param host              the compliance extension's services for the test; null outside the extension
     */
    public RecordingContext(EventTrace trace, TestClock clock, String testName, List<AnnotatedElement> annotatedElements,
                            Host host) {
        this.trace = Objects.requireNonNull(trace, "trace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.testName = Objects.requireNonNull(testName, "testName");
        this.annotatedElements = List.copyOf(annotatedElements);
        this.host = host;
    }

    /** What the compliance extension offers the parts of a running test. */
    public interface Host {
        /**
         * @param type the part's parameter type
         * @param <T>  the type
         * @return the test's part of that type, created if needed
         */
        <T> T part(Class<T> type);

        /**
         * @param key a registered {@code complianceharness.*} configuration key
         * @return its value for the test's launch
         */
        Optional<String> configuration(String key);
    }

    /** @return where parts record events */
    public EventTrace trace() {
        return trace;
    }

    /** @return the clock parts stamp events with */
    public TestClock clock() {
        return clock;
    }

    /** @return the running test's display name */
    public String testName() {
        return testName;
    }

    /** @return the test's outermost enclosing class first, down to the test method; empty outside the extension */
    public List<AnnotatedElement> annotatedElements() {
        return annotatedElements;
    }

    /**
     * The annotation nearest to the test: on the test method, else its class, else the enclosing classes
     * of a {@code @Nested} class, inward first; meta-annotations and {@code @Inherited} ones count.
     *
     * @param type the annotation type
     * @param <A>  the annotation type
     * @return the annotation, if any element carries it
     */
    public <A extends Annotation> Optional<A> findAnnotation(Class<A> type) {
        for (int i = annotatedElements.size() - 1; i >= 0; i--) {
            Optional<A> found = AnnotationSupport.findAnnotation(annotatedElements.get(i), type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Another recording part of the same test, so that one part can build on another (a synthetic customer
     * registered with the test's canaries).
     *
     * @param type the part's parameter type
     * @param <T>  the type
     * @return the test's part of that type, created if needed
     * @throws IllegalStateException outside the compliance extension, or when no active module provides the type
     */
    public <T> T part(Class<T> type) {
        if (host == null) {
            throw new IllegalStateException("No recording part " + type.getName() + " here: other parts are available"
                    + " only to parts the compliance extension creates");
        }
        return host.part(type);
    }

    /**
     * A configuration key for this test's launch: a launcher configuration parameter, else a system property, else
     * an entry of {@code junit-platform.properties} (see docs/configuration.md).
     *
     * @param key a registered {@code complianceharness.*} key
     * @return its value; outside the extension, a system property or {@code junit-platform.properties} entry
     * @throws IllegalArgumentException if no artifact of the harness registers the key
     */
    public Optional<String> configuration(String key) {
        return host == null ? HarnessConfiguration.withoutLauncher().get(key) : host.configuration(key);
    }

    @Override
    public String toString() {
        return "RecordingContext[" + testName + "]";
    }
}
