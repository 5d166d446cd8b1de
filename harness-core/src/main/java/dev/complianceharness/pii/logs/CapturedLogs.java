package dev.complianceharness.pii.logs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apiguardian.api.API;

/**
 * The events one capture collected. The application may keep logging from its own threads while a test
 * reads: every read returns a consistent snapshot, never a {@code ConcurrentModificationException}.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class CapturedLogs {

    private final String label;
    private final CheckedLevels levels;
    private final ConcurrentLinkedQueue<LogEvent> events = new ConcurrentLinkedQueue<>();
    private volatile Set<LogSource> sources = EnumSet.noneOf(LogSource.class);

    CapturedLogs(String label, CheckedLevels levels) {
        this.label = label;
        this.levels = levels;
    }

    void add(LogEvent event) {
        events.add(event);
    }

    void sources(Set<LogSource> tapped) {
        this.sources = Set.copyOf(tapped);
    }

    /** @return the label of the capture, usually the test's display name */
    public String label() {
        return label;
    }

    /** @return a snapshot of the events captured so far, in capture order */
    public List<LogEvent> events() {
        return List.copyOf(events);
    }

    /** @return a snapshot of the events attributed to this capture, without the unattributed ones */
    public List<LogEvent> attributedEvents() {
        return events.stream().filter(event -> event.attribution() != Attribution.UNATTRIBUTED).toList();
    }

    /** @return the raw messages of the events captured so far */
    public List<String> messages() {
        return events.stream().map(LogEvent::message).toList();
    }

    /** @return how many events were captured so far */
    public int size() {
        return events.size();
    }

    /** @return which levels the capture checks */
    public CheckedLevels levels() {
        return levels;
    }

    /** @return the logging frameworks and streams that were tapped, such as {@code [LOGBACK, JUL, STDOUT, STDERR]} */
    public Set<LogSource> sources() {
        return sources;
    }

    @Override
    public String toString() {
        return "CapturedLogs[" + label + ", " + size() + " events from " + sources + "]";
    }
}
