package dev.complianceharness.pii.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.testkit.FixtureRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

@DisplayName("LogCapture")
class LogCaptureTest {

    @Nested
    @DisplayName("captures")
    class Sources {
        @Test
        @DisplayName("Logback, Log4j2, java.util.logging, System.out and System.err, with logger, level and thread")
        void everySource() {
            List<LogEvent> events;
            try (LogCapture capture = LogCapture.start("every source")) {
                LoggerFactory.getLogger("app.slf4j").info("via {} {}", "slf4j", "logback");
                LogManager.getLogger("app.log4j").warn("via log4j2");
                java.util.logging.Logger.getLogger("app.jul").warning("via jul");
                System.out.println("via stdout");
                System.err.println("via stderr");
                events = capture.logs().events();
                assertThat(capture.logs().sources()).contains(LogSource.values());
            }
            assertThat(events).extracting(LogEvent::source, LogEvent::logger, LogEvent::message)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(LogSource.LOGBACK, "app.slf4j", "via slf4j logback"),
                            org.assertj.core.groups.Tuple.tuple(LogSource.LOG4J2, "app.log4j", "via log4j2"),
                            org.assertj.core.groups.Tuple.tuple(LogSource.JUL, "app.jul", "via jul"),
                            org.assertj.core.groups.Tuple.tuple(LogSource.STDOUT, "System.out", "via stdout"),
                            org.assertj.core.groups.Tuple.tuple(LogSource.STDERR, "System.err", "via stderr"));
            assertThat(events).filteredOn(event -> event.source() == LogSource.LOGBACK).singleElement()
                    .satisfies(event -> {
                        assertThat(event.level()).isEqualTo("INFO");
                        assertThat(event.thread()).isEqualTo(Thread.currentThread().getName());
                        assertThat(event.attribution()).isEqualTo(Attribution.TEST_THREAD);
                    });
        }

        @Test
        @DisplayName("the stack trace of a logged exception, and masks messages in toString")
        void exceptions() {
            try (LogCapture capture = LogCapture.start("exceptions")) {
                LoggerFactory.getLogger("app").error("lookup failed", new IllegalStateException("no customer ada@example.com"));
                // other tests' unattributed output (the report listener's lines) may reach this capture too
                LogEvent event = capture.logs().events().stream().filter(logged -> logged.logger().equals("app"))
                        .findFirst().orElseThrow();
                assertThat(event.message()).contains("lookup failed", "IllegalStateException: no customer ada@example.com",
                        "at dev.complianceharness.pii.logs.LogCaptureTest");
                assertThat(event.toString()).contains(Redaction.token(PiiKind.EMAIL, "ada@example.com")).doesNotContain("ada@example.com");
            }
        }
    }

    @Nested
    @DisplayName("leaves the team's configuration as it was")
    class Configuration {
        @Test
        @DisplayName("levels, appenders and the standard streams")
        void restores() {
            LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
            ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Level level = root.getLevel();
            java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
            int julHandlers = julRoot.getHandlers().length;
            try (LogCapture capture = LogCapture.start("configuration")) {
                assertThat(root.getAppender(LogbackTap.APPENDER_NAME)).isNotNull();
                assertThat(root.getLevel()).isEqualTo(level);
                assertThat(capture.problems()).isEmpty();
            }
            // other tests may hold captures open concurrently; the appender goes when the last one closes
            if (root.getAppender(LogbackTap.APPENDER_NAME) == null) {
                assertThat(julRoot.getHandlers()).hasSize(julHandlers);
            }
            assertThat(root.getLevel()).isEqualTo(level);
        }
    }

    @Nested
    @DisplayName("is safe to read")
    class Concurrency {
        @RepeatedTest(3)
        @DisplayName("while the application logs from its own threads")
        void readWhileLogging() throws Exception {
            try (LogCapture capture = LogCapture.start("concurrent reads")) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(4);
                for (int t = 0; t < 4; t++) {
                    pool.execute(() -> {
                        org.slf4j.Logger logger = LoggerFactory.getLogger("app.worker");
                        started.countDown();
                        for (int i = 0; i < 2_000; i++) {
                            logger.info("working");
                        }
                    });
                }
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                assertThatCode(() -> {
                    for (int i = 0; i < 50; i++) {
                        for (LogEvent event : capture.logs().attributedEvents()) {
                            assertThat(event.message()).isEqualTo("working");
                        }
                    }
                }).doesNotThrowAnyException();
                pool.shutdown();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
                assertThat(capture.logs().attributedEvents()).hasSize(8_000);
                assertThat(capture.logs().attributedEvents()).allSatisfy(
                        event -> assertThat(event.attribution()).isEqualTo(Attribution.PROPAGATED));
            }
        }
    }

    @Test
    @DisplayName("attributes each event to its own test while 24 tests run in parallel and log from shared pools")
    void attributesUnderParallelExecution() {
        FixtureRuns.inParallel(ParallelAttributionTestCase.class).testEvents().assertStatistics(stats -> stats.started(24).succeeded(24));
    }

    /** Each test logs its own marker from its thread, a thread it starts, a shared pool (propagated), and the MDC. */
    static class ParallelAttributionTestCase {
        private static final ExecutorService SHARED_POOL = LogContext.propagating(Executors.newFixedThreadPool(3));
        private static final ExecutorService UNWRAPPED_POOL = Executors.newFixedThreadPool(2);

        @RepeatedTest(24)
        void logsOnlyIntoItsOwnCapture(org.junit.jupiter.api.RepetitionInfo repetition) throws Exception {
            String marker = "marker-" + repetition.getCurrentRepetition() + "-";
            try (LogCapture capture = LogCapture.start(marker)) {
                org.slf4j.Logger logger = LoggerFactory.getLogger("app");
                logger.info(marker + "test-thread");
                Thread child = new Thread(() -> logger.info(marker + "child-thread"));
                child.start();
                child.join();
                SHARED_POOL.submit(() -> logger.info(marker + "shared-pool")).get();
                String id = capture.id();
                UNWRAPPED_POOL.submit(() -> {
                    MDC.put(LogContext.MDC_KEY, id);
                    try {
                        logger.info(marker + "mdc");
                    } finally {
                        MDC.remove(LogContext.MDC_KEY);
                    }
                }).get();
                List<String> own = new ArrayList<>();
                for (LogEvent event : capture.logs().attributedEvents()) {
                    assertThat(event.message()).startsWith(marker);
                    own.add(event.message().substring(marker.length()) + ":" + event.attribution());
                }
                assertThat(own).containsExactlyInAnyOrder("test-thread:TEST_THREAD", "child-thread:PROPAGATED",
                        "shared-pool:PROPAGATED", "mdc:MDC");
            }
        }
    }
}
