package dev.complianceharness.pii.logs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Carries the current test's log-capture context to the threads the application runs work on, so that
 * what they log is attributed to the right test even when tests run in parallel.
 *
 * <pre>{@code
 * // in the test (or a test configuration that builds the application's executor)
 * ExecutorService workers = LogContext.propagating(Executors.newFixedThreadPool(4));
 * }</pre>
 *
 * Outside a capture the wrappers run tasks unchanged, so they are safe to leave in test wiring.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class LogContext {

    /** The MDC / ThreadContext key a team may set to a capture's {@link LogCapture#id()} to attribute events. */
    public static final String MDC_KEY = "complianceharness.capture";

    private LogContext() {
    }

    /** @return the id of the capture the current thread logs into, if any */
    public static Optional<String> currentCaptureId() {
        CaptureScope scope = CaptureScope.current();
        return scope != null && scope.open ? Optional.of(scope.id) : Optional.empty();
    }

    /**
     * @param task a task
     * @return the task, running in the capture context of the thread that called this method
     */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        CaptureScope.Binding binding = explicit(CaptureScope.current());
        return () -> {
            CaptureScope.Binding previous = CaptureScope.CURRENT.get();
            CaptureScope.CURRENT.set(binding);
            try {
                task.run();
            } finally {
                CaptureScope.CURRENT.set(previous);
            }
        };
    }

    /**
     * @param task a task
     * @param <T>  its result type
     * @return the task, running in the capture context of the thread that called this method
     */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        CaptureScope.Binding binding = explicit(CaptureScope.current());
        return () -> {
            CaptureScope.Binding previous = CaptureScope.CURRENT.get();
            CaptureScope.CURRENT.set(binding);
            try {
                return task.call();
            } finally {
                CaptureScope.CURRENT.set(previous);
            }
        };
    }

    private static CaptureScope.Binding explicit(CaptureScope scope) {
        return scope == null ? null : new CaptureScope.Binding(scope, false);
    }

    /**
     * @param executor an executor
     * @return an executor that runs each task in the capture context of the thread that submitted it
     */
    public static Executor propagating(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /**
     * @param executor an executor service; shutting the returned one down shuts it down
     * @return an executor service that runs each task in the capture context of the thread that submitted it
     */
    public static ExecutorService propagating(ExecutorService executor) {
        return new PropagatingExecutorService(Objects.requireNonNull(executor, "executor"));
    }

    /** Wraps every task on submission. */
    private static final class PropagatingExecutorService implements ExecutorService {
        private final ExecutorService delegate;

        PropagatingExecutorService(ExecutorService delegate) {
            this.delegate = delegate;
        }

        private static <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
            List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                wrapped.add(wrap(task));
            }
            return wrapped;
        }

        @Override
        public void execute(Runnable command) {
            delegate.execute(wrap(command));
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return delegate.submit(wrap(task));
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return delegate.submit(wrap(task), result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return delegate.submit(wrap(task));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return delegate.invokeAll(wrapAll(tasks));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return delegate.invokeAll(wrapAll(tasks), timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
            return delegate.invokeAny(wrapAll(tasks));
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return delegate.invokeAny(wrapAll(tasks), timeout, unit);
        }
    }
}
