package dev.complianceharness.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The events one test recorded, in the order they were recorded. Each test gets its own trace, so
 * tests running in parallel never see each other's events. Recording is thread-safe: the system under
 * test may record from its own threads and executors while the test reads a snapshot.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class EventTrace {

    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** Creates an empty trace; the compliance extension creates one per test. */
    public EventTrace() {
    }

    /**
     * Creates a trace holding the given events, for invariant authors' own tests.
     *
     * @param events the events, in order
     * @return a trace
     */
    public static EventTrace of(RecordedEvent... events) {
        EventTrace trace = new EventTrace();
        for (RecordedEvent event : events) {
            trace.record(event);
        }
        return trace;
    }

    /**
     * Appends an event. Its fields annotated {@link dev.complianceharness.mask.Pii} (and those of the objects it
     * holds) become known to the redaction boundary, so that no message or report shows them.
     *
     * @param event the event
     */
    public void record(RecordedEvent event) {
        Objects.requireNonNull(event, "event");
        List<String> unreadable = Redaction.registerPersonalFields(event);
        synchronized (events) {
            events.add(event);
        }
        unreadable.forEach(this::warn);   // what the redaction boundary could not see is never a silent gap
    }

    /**
     * Records what the harness could not see or check during this test (a log level that was not captured, a
     * logging system that could not be tapped, a zone that is not known). The compliance extension shows every
     * warning in the test's failure message and in the report, and publishes it as a JUnit report entry when
     * the test passes, so that nothing unchecked ends as a silent pass.
     *
     * @param warning what could not be checked and how to fix it; must not hold personal data
     */
    public void warn(String warning) {
        Objects.requireNonNull(warning, "warning");
        synchronized (events) {
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
    }

    /**
     * The warnings recorded so far, each once.
     *
     * @return an unmodifiable copy, in recording order
     */
    public List<String> warnings() {
        synchronized (events) {
            return List.copyOf(warnings);
        }
    }

    /**
     * A snapshot of every event recorded so far.
     *
     * @return an unmodifiable copy, in recording order
     */
    public List<RecordedEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /**
     * A snapshot of the events of one type.
     *
     * @param type the event type
     * @param <E>  the event type
     * @return an unmodifiable list, in recording order
     */
    public <E extends RecordedEvent> List<E> events(Class<E> type) {
        List<E> matching = new ArrayList<>();
        for (RecordedEvent event : events()) {
            if (type.isInstance(event)) {
                matching.add(type.cast(event));
            }
        }
        return List.copyOf(matching);
    }

    /**
     * The number of events recorded so far.
     *
     * @return the size of the trace
     */
    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    @Override
    public String toString() {
        return "EventTrace[" + size() + " events]";
    }
}
