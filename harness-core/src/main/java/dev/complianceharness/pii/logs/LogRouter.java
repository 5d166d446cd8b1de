package dev.complianceharness.pii.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Installs the taps while at least one capture is open, and routes every event to the capture it belongs
 * to: the capture context of the logging thread, else the one named in the MDC, else the exclusive
 * capture, else every open capture, marked {@link Attribution#UNATTRIBUTED}.
 */
final class LogRouter {

    static final LogRouter INSTANCE = new LogRouter();

    private final Object lock = new Object();
    private final Map<String, CaptureScope> open = new ConcurrentHashMap<>();
    private final List<Tap> taps = new ArrayList<>();
    private final Set<LogSource> tapped = EnumSet.noneOf(LogSource.class);
    private final List<String> problems = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadLocal<Boolean> routing = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private volatile CaptureScope exclusive;

    private LogRouter() {
    }

    void open(CaptureScope scope) {
        synchronized (lock) {
            if (scope.exclusive) {
                CaptureScope other = exclusive;
                if (other != null) {
                    throw new IllegalStateException("Log capture '" + scope.logs.label() + "' wants to claim unattributed"
                            + " events, but capture '" + other.logs.label() + "' already does. Only one exclusive capture"
                            + " may run at a time: give both tests @NoPiiInLogs(isolation = Isolation.GLOBAL_LOCK), which"
                            + " serialises them, or use isolation = THREAD_CONTEXT");
                }
                exclusive = scope;
            }
            if (open.isEmpty()) {
                installTaps();
            }
            open.put(scope.id, scope);
            scope.logs.sources(tapped);
        }
    }

    void close(CaptureScope scope) {
        synchronized (lock) {
            scope.open = false;
            if (open.remove(scope.id) == null) {
                return;
            }
            if (exclusive == scope) {
                exclusive = null;
            }
            if (open.isEmpty()) {
                for (int i = taps.size() - 1; i >= 0; i--) {
                    taps.get(i).remove();
                }
                taps.clear();
                tapped.clear();
            }
        }
    }

    List<String> problems() {
        synchronized (lock) {
            return List.copyOf(problems);
        }
    }

    /**
     * Routes one event; called on the thread that logged.
     *
     * @param mdc looks a key up in the event's MDC or ThreadContext; may return null
     */
    void route(LogSource source, String logger, String level, String message, Function<String, String> mdc) {
        if (open.isEmpty() || routing.get()) {
            return;
        }
        routing.set(Boolean.TRUE);
        try {
            Thread thread = Thread.currentThread();
            CaptureScope.Binding binding = CaptureScope.CURRENT.get();
            CaptureScope scope = binding == null ? null : binding.scope();
            if (scope != null && scope.open && !binding.inherited()) {
                deliver(scope, source, logger, level, thread, message,
                        scope.owner == thread ? Attribution.TEST_THREAD : Attribution.PROPAGATED);
                return;
            }
            String id = mdc == null ? null : mdc.apply(LogContext.MDC_KEY);
            if (id != null) {
                CaptureScope named = open.get(id);
                if (named != null && named.open) {
                    deliver(named, source, logger, level, thread, message, Attribution.MDC);
                    return;
                }
            }
            if (scope != null && scope.open) {
                deliver(scope, source, logger, level, thread, message, Attribution.PROPAGATED);
                return;
            }
            // the exclusive capture claims the event; the others still see it, unattributed, for their canaries
            CaptureScope claiming = exclusive;
            for (CaptureScope each : open.values()) {
                boolean claims = each == claiming && claiming.open;
                deliver(each, source, logger, level, thread, message, claims ? Attribution.EXCLUSIVE : Attribution.UNATTRIBUTED);
            }
        } finally {
            routing.set(Boolean.FALSE);
        }
    }

    private void deliver(CaptureScope scope, LogSource source, String logger, String level, Thread thread, String message,
                         Attribution attribution) {
        scope.logs.add(new LogEvent(sequence.incrementAndGet(), Instant.now(), source, logger, level, thread.getName(),
                message, attribution));
    }

    private void installTaps() {
        problems.clear();
        install("ch.qos.logback.classic.LoggerContext", "dev.complianceharness.pii.logs.LogbackTap");
        install("org.apache.logging.log4j.core.LoggerContext", "dev.complianceharness.pii.logs.Log4j2Tap");
        add(JulTap.install(this));
        add(StandardStreamTap.install(this, LogSource.STDOUT));
        add(StandardStreamTap.install(this, LogSource.STDERR));
    }

    private void install(String frameworkClass, String tapClass) {
        try {
            Class.forName(frameworkClass, false, LogRouter.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return;
        }
        try {
            Object tap = Class.forName(tapClass).getDeclaredMethod("install", LogRouter.class).invoke(null, this);
            add((Tap) tap);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add("could not attach to " + frameworkClass + ": " + cause);
        }
    }

    private void add(Tap tap) {
        if (tap != null) {
            taps.add(tap);
            tapped.add(tap.source());
        }
    }
}
