package dev.complianceharness.pii.logs;

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
    volatile boolean open = true;

    CaptureScope(String id, CapturedLogs logs, Thread owner, boolean exclusive) {
        this.id = id;
        this.logs = logs;
        this.owner = owner;
        this.exclusive = exclusive;
    }
}
