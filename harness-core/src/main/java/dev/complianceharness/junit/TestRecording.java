package dev.complianceharness.junit;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.RecordingLifecycle;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.event.TestClock;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One test's trace, clock and recording parts. Parts are created when a parameter first asks for them, or
 * when the test starts for those {@linkplain RecordingPart.Lifetime#STARTED_WITH_EACH_TEST started with each test};
 * parts that follow the {@link RecordingLifecycle} are told when the test method starts and closed, newest
 * first, before the invariants are verified — or when the test's store is closed after an abort.
 */
final class TestRecording implements AutoCloseable {

    private final RecordingContext context;
    private final Function<Class<?>, Optional<RecordingPart<?>>> declarations;
    /** Guarded by this: parts may ask for other parts while they are created. */
    private final Map<Class<?>, Object> parts = new HashMap<>();
    private final List<Object> created = new ArrayList<>();
    private boolean finished;

    TestRecording(TestClock clock, String testName, List<AnnotatedElement> annotatedElements,
                  Function<Class<?>, Optional<RecordingPart<?>>> declarations, Function<String, Optional<String>> configuration) {
        this.declarations = declarations;
        this.context = new RecordingContext(new EventTrace(), clock, testName, annotatedElements, new RecordingContext.Host() {
            @Override
            public <T> T part(Class<T> type) {
                return declaredPart(type);
            }

            @Override
            public Optional<String> configuration(String key) {
                return configuration.apply(key);
            }

        });
    }

    RecordingContext context() {
        return context;
    }

    EventTrace trace() {
        return context.trace();
    }

    TestClock clock() {
        return context.clock();
    }

    synchronized Object part(RecordingPart<?> declaration) {
        if (finished) {
            throw new IllegalStateException("The test's recording has finished; recording part "
                    + declaration.type().getName() + " can no longer be created");
        }
        if (declaration.lifetime() == RecordingPart.Lifetime.PER_PARAMETER) {
            Object part = declaration.create(context);
            created.add(part);
            return part;
        }
        Object existing = parts.get(declaration.type());
        if (existing == null) {
            existing = declaration.create(context);
            parts.put(declaration.type(), existing);
            created.add(existing);
        }
        return existing;
    }

    private <T> T declaredPart(Class<T> type) {
        RecordingPart<?> declaration = declarations.apply(type).orElseThrow(() -> new IllegalStateException(
                "No active compliance module provides a recording part of type " + type.getName()));
        return type.cast(part(declaration));
    }

    /** Creates the parts that watch every test. */
    void start(List<RecordingPart<?>> startedWithEachTest) {
        for (RecordingPart<?> declaration : startedWithEachTest) {
            part(declaration);
        }
    }

    /** Tells the parts that the test method is about to run. */
    void beforeTestMethod() {
        for (Object part : snapshot()) {
            if (part instanceof RecordingLifecycle lifecycle) {
                lifecycle.beforeTestMethod();
            }
        }
    }

    /**
     * Closes the parts that follow the lifecycle, newest first, so that they record what they still hold.
     * Every part is closed even if one fails; the first failure is thrown after the others were closed.
     */
    void finish() {
        List<Object> toClose;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            toClose = new ArrayList<>(created);
        }
        RuntimeException failure = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            if (toClose.get(i) instanceof RecordingLifecycle lifecycle) {
                try {
                    lifecycle.close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized List<Object> snapshot() {
        return List.copyOf(created);
    }

    /** Called by JUnit when the test's store closes: releases what an aborted test left open. */
    @Override
    public void close() {
        finish();
    }
}
