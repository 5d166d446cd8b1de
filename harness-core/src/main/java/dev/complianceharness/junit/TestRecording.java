package dev.complianceharness.junit;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.event.TestClock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One test's trace, clock and recording parts; the parts are created when a parameter first asks for them. */
final class TestRecording {

    private final RecordingContext context;
    private final Map<Class<?>, Object> parts = new ConcurrentHashMap<>();

    TestRecording(TestClock clock, String testName) {
        this.context = new RecordingContext(new EventTrace(), clock, testName);
    }

    EventTrace trace() {
        return context.trace();
    }

    TestClock clock() {
        return context.clock();
    }

    Object part(RecordingPart<?> declaration) {
        return parts.computeIfAbsent(declaration.type(), type -> declaration.create(context));
    }
}
