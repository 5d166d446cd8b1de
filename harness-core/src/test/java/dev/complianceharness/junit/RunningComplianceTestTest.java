package dev.complianceharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testkit.FixtureRuns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Counts the compliance tests running in the whole JVM, so it runs alone, one test at a time. */
@DisplayName("RunningComplianceTest")
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class RunningComplianceTestTest {

    @Test
    @DisplayName("gives code outside the test its clock and parts, on the test's thread and through propagating(...)")
    void attribution() {
        EngineExecutionResults results = FixtureRuns.inParallel(AttributedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    @DisplayName("fails closed on a thread that belongs to none of several running tests, and warns each of them")
    void ambiguousThread() {
        EngineExecutionResults results = FixtureRuns.inParallel(AmbiguousTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(AmbiguousTestCase.FAILURES.values()).singleElement().asString().startsWith(
                "the gateway was used on thread 'pre-started', which belongs to none of the 2 compliance tests running now,"
                        + " so what it did could not be checked: wrap the application's executor tasks with"
                        + " RunningComplianceTest.propagating(...)");
        List<String> warnings = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(entries -> entries.containsKey("compliance-harness.warning"))
                .map(entries -> entries.get("compliance-harness.warning")).toList();
        assertThat(warnings).hasSize(2).allSatisfy(warning -> assertThat(warning).startsWith("the gateway was used on thread"));
    }

    @Test
    @DisplayName("refuses outside any test and after the test ended")
    void outsideTests() throws InterruptedException {
        assertThat(RunningComplianceTest.current()).isEmpty();
        assertThatThrownBy(() -> RunningComplianceTest.resolve("the gateway")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the gateway was used on thread '").hasMessageContaining("while no compliance test runs");
        assertThat(EndedTestCase.AFTER_END).isEmpty();
        FixtureRuns.inParallel(EndedTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        EndedTestCase.LATER.shutdown();
        assertThat(EndedTestCase.LATER.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(EndedTestCase.AFTER_END).singleElement().asString()
                .contains("after that test ended, when its invariants had already been verified");
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class AttributedTestCase {
        static final ExecutorService POOL = Executors.newFixedThreadPool(2);

        @Test
        void first(TestClock clock, ConsentModule.Outbox outbox) throws Exception {
            check(clock, outbox, Instant.parse("2025-01-01T10:00:00Z"));
        }

        @Test
        void second(TestClock clock, ConsentModule.Outbox outbox) throws Exception {
            check(clock, outbox, Instant.parse("2025-02-02T10:00:00Z"));
        }

        private static void check(TestClock clock, ConsentModule.Outbox outbox, Instant start) throws Exception {
            clock.setInstant(start);
            assertThat(RunningComplianceTest.resolve("the clock bean").clock()).isSameAs(clock);
            Future<Object> fromPool = POOL.submit(RunningComplianceTest.propagating(
                    () -> RunningComplianceTest.resolve("the gateway").part(ConsentModule.Outbox.class)));
            assertThat(fromPool.get(10, TimeUnit.SECONDS)).isSameAs(outbox);
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class AmbiguousTestCase {
        static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);
        static final Map<String, String> FAILURES = new ConcurrentHashMap<>();
        static final ThreadPoolExecutor PRE_STARTED = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), new PreStartedThreads());

        static {
            // the pool's thread starts here, while the class is loaded outside any test, so it inherits no test
            PRE_STARTED.prestartAllCoreThreads();
        }

        @Test
        void usesTheGatewayFromAnUnknownThread() throws Exception {
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
            try {
                PRE_STARTED.submit(() -> RunningComplianceTest.resolve("the gateway")).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                FAILURES.put("first", e.getCause().getMessage());
            }
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
        }

        @Test
        void runsAtTheSameTime() throws Exception {
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
        }
    }

    /** Names the one thread, without a lambda of the fixture class (which would wait for the class's initialization). */
    static final class PreStartedThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, "pre-started");
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class EndedTestCase {
        static final List<String> AFTER_END = new java.util.concurrent.CopyOnWriteArrayList<>();
        static final ExecutorService LATER = Executors.newSingleThreadScheduledExecutor();

        @Test
        void startsWorkThatOutlivesIt() {
            Runnable late = RunningComplianceTest.propagating(() -> {
                try {
                    Thread.sleep(200);
                    RunningComplianceTest.resolve("the gateway");
                } catch (IllegalStateException e) {
                    AFTER_END.add(e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            LATER.execute(late);
        }
    }
}
