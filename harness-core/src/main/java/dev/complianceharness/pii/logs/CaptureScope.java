package dev.complianceharness.pii.logs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** The context a capture leaves on threads: inherited by threads they start, carried by {@link LogContext}. */
final class CaptureScope {

    /**
     * Inheritable, so that threads and pools created by the test thread carry the test's context; an
     * inherited binding is marked, because a pool thread keeps it after the test that created it ends.
     */
    static final InheritableThreadLocal<Binding> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected Binding childValue(Binding parent) {
            return parent == null ? null : new Binding(parent.scope(), true);
        }
    };

    /** The capture a thread logs into, and whether the thread only inherited it. */
    record Binding(CaptureScope scope, boolean inherited) {
    }

    static CaptureScope current() {
        Binding binding = CURRENT.get();
        return binding == null ? null : binding.scope();
    }

    final String id;
    final CapturedLogs logs;
    final Thread owner;
    final boolean exclusive;
    final CheckedLevels levels;
    volatile boolean open = true;
    /** What the capture could not see, each once, in the order noticed. */
    private final List<String> unchecked = new CopyOnWriteArrayList<>();
    /** Events below the configured level that were attributed to this capture but not checked, by source and level. */
    private final Map<String, LongAdder> belowLevel = new ConcurrentHashMap<>();

    CaptureScope(String id, CapturedLogs logs, Thread owner, boolean exclusive, CheckedLevels levels) {
        this.id = id;
        this.logs = logs;
        this.owner = owner;
        this.exclusive = exclusive;
        this.levels = levels;
    }

    boolean checksAllLevels() {
        return levels == CheckedLevels.ALL;
    }

    void unchecked(String what) {
        if (!unchecked.contains(what)) {
            unchecked.add(what);
        }
    }

    void countBelowLevel(LogSource source, String level) {
        belowLevel.computeIfAbsent(source + " " + level, key -> new LongAdder()).increment();
    }

    /** @return what the capture could not see, with the events below the configured level summed up */
    List<String> unchecked() {
        List<String> all = new java.util.ArrayList<>(unchecked);
        if (!belowLevel.isEmpty()) {
            Map<String, Long> counts = new TreeMap<>();
            belowLevel.forEach((key, count) -> counts.put(key, count.sum()));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder by = new StringBuilder();
            counts.forEach((key, count) -> by.append(by.length() == 0 ? "" : ", ").append(count).append(' ').append(key));
            all.add(total + (total == 1 ? " log event" : " log events") + " below the configured level (" + by
                    + (total == 1 ? ") was" : ") were") + " not checked; check every level with @NoPiiInLogs(levels = CheckedLevels.ALL)");
        }
        return List.copyOf(all);
    }
}
