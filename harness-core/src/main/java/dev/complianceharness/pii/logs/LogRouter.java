package dev.complianceharness.pii.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Installs the taps while at least one capture is open, and routes every event to the capture it belongs
 * to: the capture context of the logging thread, else the one named in the MDC, else the exclusive
 * capture, else every open capture, marked {@link Attribution#UNATTRIBUTED}. It also keeps what no
 * capture can see (a logging set-up that drops events before any tap), which every capture reports.
 */
final class LogRouter {

    static final LogRouter INSTANCE = new LogRouter();

    private final Object lock = new Object();
    private final Map<String, CaptureScope> open = new ConcurrentHashMap<>();
    private final List<Tap> taps = new ArrayList<>();
    private final Set<LogSource> tapped = EnumSet.noneOf(LogSource.class);
    private final List<String> problems = new ArrayList<>();
    /** Gaps in the logging set-up that hide events from every capture, for captures that check the configured levels. */
    private final List<String> setUpGaps = new CopyOnWriteArrayList<>();
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
            setUpGaps.forEach(gap -> noteGap(scope, gap));
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
                setUpGaps.clear();
            }
        }
    }

    List<String> problems() {
        synchronized (lock) {
            return List.copyOf(problems);
        }
    }

    /**
     * Reports a gap in the logging set-up to every open capture (and to those opened while it holds), such as
     * Log4j 2 running on its default configuration. A gap marked as a level gap does not concern captures that
     * check every level.
     */
    void setUpGap(String gap) {
        if (!setUpGaps.contains(gap)) {
            setUpGaps.add(gap);
        }
        open.values().forEach(scope -> noteGap(scope, gap));
    }

    /** Captures opened from now on no longer report the gap; those open while it held still do. */
    void setUpGapResolved(String gap) {
        setUpGaps.remove(gap);
    }

    private static void noteGap(CaptureScope scope, String gap) {
        if (!(gap.startsWith(LEVEL_GAP) && scope.checksAllLevels())) {
            scope.unchecked(gap.startsWith(LEVEL_GAP) ? gap.substring(LEVEL_GAP.length()) : gap);
        }
    }

    /** Prefix of a set-up gap that only hides events below a level, which captures of every level still see. */
    static final String LEVEL_GAP = "[levels] ";

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

    /**
     * Routes an event the logging configuration drops because of its level; called on the thread that logged.
     * Captures that check every level receive it; the others count it as not checked.
     *
     * @param message formats the message, only when a capture receives it
     */
    void routeBelowLevel(LogSource source, String logger, String level, Supplier<String> message,
                         Function<String, String> mdc) {
        if (open.isEmpty() || routing.get()) {
            return;
        }
        CaptureScope target = attributedScope(mdc);
        if (target != null) {
            if (target.checksAllLevels()) {
                route(source, logger, level, message.get(), mdc);
            } else {
                target.countBelowLevel(source, level);
            }
            return;
        }
        boolean anyAllLevels = false;
        for (CaptureScope each : open.values()) {
            anyAllLevels |= each.checksAllLevels();
        }
        if (anyAllLevels) {
            String text = message.get();
            routing.set(Boolean.TRUE);
            try {
                for (CaptureScope each : open.values()) {
                    if (each.checksAllLevels()) {
                        deliver(each, source, logger, level, Thread.currentThread(), text, Attribution.UNATTRIBUTED);
                    }
                }
            } finally {
                routing.set(Boolean.FALSE);
            }
        }
    }

    /**
     * Whether a guard such as {@code isDebugEnabled()} should answer yes on this thread although the level is
     * below the configured one: when the thread's capture checks every level.
     */
    boolean checksAllLevelsOnThisThread() {
        if (open.isEmpty()) {
            return false;
        }
        CaptureScope scope = attributedScope(null);
        return scope != null && scope.checksAllLevels();
    }

    /** The capture an event on this thread belongs to, or null when it is not attributable (or only to the exclusive one). */
    private CaptureScope attributedScope(Function<String, String> mdc) {
        CaptureScope scope = CaptureScope.current();
        if (scope != null && scope.open) {
            return scope;
        }
        String id = mdc == null ? null : mdc.apply(LogContext.MDC_KEY);
        if (id != null) {
            CaptureScope named = open.get(id);
            if (named != null && named.open) {
                return named;
            }
        }
        CaptureScope claiming = exclusive;
        return claiming != null && claiming.open ? claiming : null;
    }

    private void deliver(CaptureScope scope, LogSource source, String logger, String level, Thread thread, String message,
                         Attribution attribution) {
        scope.logs.add(new LogEvent(sequence.incrementAndGet(), Instant.now(), source, logger, level, thread.getName(),
                message, attribution));
    }

    /** Wraps {@code System.out} and {@code System.err} again if another extension replaced them since. */
    void retapStandardStreams() {
        synchronized (lock) {
            if (open.isEmpty()) {
                return;
            }
            for (LogSource stream : List.of(LogSource.STDOUT, LogSource.STDERR)) {
                if (!StandardStreamTap.isInstalled(stream)) {
                    add(StandardStreamTap.install(this, stream));
                }
            }
        }
    }

    private void installTaps() {
        problems.clear();
        setUpGaps.clear();
        install("org.slf4j.LoggerFactory", "dev.complianceharness.pii.logs.Slf4jDiagnosis");
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
            if (tap.source() != null) {
                tapped.add(tap.source());
            }
        }
    }
}
