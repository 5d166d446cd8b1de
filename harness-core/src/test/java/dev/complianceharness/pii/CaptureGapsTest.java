package dev.complianceharness.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import dev.complianceharness.junit.ComplianceViolationError;
import dev.complianceharness.pii.logs.CheckedLevels;
import dev.complianceharness.testkit.FixtureRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.slf4j.LoggerFactory;

@DisplayName("@NoPiiInLogs never misses a log line silently")
class CaptureGapsTest {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("app.gaps");
    private static final org.apache.logging.log4j.Logger LOG4J = LogManager.getLogger("app.gaps.log4j");

    @Nested
    @DisplayName("below the configured level")
    class Levels {
        @Test
        @DisplayName("checks DEBUG and TRACE with levels = ALL, guarded or not, in Logback and Log4j 2")
        void allLevels() {
            EngineExecutionResults results = FixtureRuns.inParallel(AllLevelsTestCase.class);
            results.testEvents().assertStatistics(stats -> stats.started(4).failed(3).succeeded(1));
            assertFailure(results, "debugLine", "customer #1.email, as planted, logged by app.gaps (LOGBACK DEBUG");
            assertFailure(results, "guardedTrace", "customer #1.phone, as planted, logged by app.gaps (LOGBACK TRACE");
            assertFailure(results, "log4jDebug", "customer #1.card, as planted, logged by app.gaps.log4j (LOG4J2 DEBUG");
        }

        @Test
        @DisplayName("without changing what the application's own appenders receive")
        void appendersUnchanged() {
            FixtureRuns.inParallel(AllLevelsTestCase.class).testEvents().assertThatEvents()
                    .haveExactly(1, event(test("applicationAppenderSeesInfoOnly"), finishedSuccessfully()));
        }

        @Test
        @DisplayName("or, under the configured levels, warns how many events it did not check — in the report entry of the passing test")
        void configuredLevelsWarn() {
            EngineExecutionResults results = FixtureRuns.inParallel(ConfiguredLevelsTestCase.class);
            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
            assertThat(warnings(results)).containsExactly("2 log events below the configured level (1 LOG4J2 DEBUG,"
                    + " 1 LOGBACK DEBUG) were not checked; check every level with @NoPiiInLogs(levels = CheckedLevels.ALL)");
        }
    }

    @Nested
    @Isolated("resets and reconfigures the JVM's Logback and Log4j 2")
    @DisplayName("when the logging system is reconfigured during a test")
    class Reconfiguration {
        @Test
        @DisplayName("re-attaches to Logback and Log4j 2 and catches what is logged after")
        void reattaches() {
            EngineExecutionResults results = FixtureRuns.inParallel(ReconfiguredTestCase.class);
            assertFailure(results, "logbackReset", "customer #1.email, as planted, logged by app.gaps (LOGBACK INFO");
            assertFailure(results, "log4jReconfigured", "customer #1.email, as planted, logged by app.gaps.log4j (LOG4J2 INFO");
        }

        @Test
        @DisplayName("warns, in the passing test's report entry, when Log4j 2 falls back to its default ERROR configuration")
        void log4jDefaultConfiguration() {
            EngineExecutionResults results = FixtureRuns.inParallel(Log4jDefaultConfigurationTestCase.class);
            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
            assertThat(warnings(results)).contains("Log4j 2 runs on its default configuration (no log4j2 configuration"
                    + " file on the test class path), which drops every event below ERROR: those events were not checked;"
                    + " add a log4j2-test.xml with the levels the application runs with, or check every level with"
                    + " @NoPiiInLogs(levels = CheckedLevels.ALL)");
        }
    }

    @Nested
    @DisplayName("when another extension replaces System.out")
    class ReplacedStreams {
        @Test
        @DisplayName("still captures it, whichever extension is declared first")
        void eitherOrder() {
            EngineExecutionResults results = FixtureRuns.inParallel(SwapDeclaredFirstTestCase.class,
                    SwapDeclaredLastTestCase.class);
            results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
            results.testEvents().assertThatEvents().haveExactly(2, event(finishedWithFailure(
                    instanceOf(ComplianceViolationError.class),
                    message(m -> m.contains("customer #1.card, as planted, logged by System.out (STDOUT, thread ")))));
        }
    }

    @Nested
    @DisplayName("when a console appender prints the event too")
    class ConsoleEcho {
        @Test
        @DisplayName("reports the leak once, under the real logger")
        void realLogger() {
            EngineExecutionResults results = FixtureRuns.inParallel(ConsoleAppenderTestCase.class);
            results.testEvents().assertThatEvents().haveExactly(1, event(test("printedByConsoleAppender"),
                    finishedWithFailure(message(m -> m.startsWith("1 compliance violation in")
                            && m.contains("customer #1.email, as planted, logged by app.gaps.console (LOGBACK INFO")
                            && !m.contains("System.out")))));
        }
    }

    private static void assertFailure(EngineExecutionResults results, String method, String expected) {
        results.testEvents().assertThatEvents().haveExactly(1, event(test(method),
                finishedWithFailure(instanceOf(ComplianceViolationError.class), message(m -> m.contains(expected)))));
    }

    private static List<String> warnings(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(pairs -> pairs.containsKey("compliance-harness.warning"))
                .map(pairs -> pairs.get("compliance-harness.warning")).toList();
    }

    @NoPiiInLogs(levels = CheckedLevels.ALL)
    static class AllLevelsTestCase {
        @Test
        void debugLine(CanaryCustomer customer) {
            LOG.debug("password reset link for {}", customer.email());
        }

        @Test
        void guardedTrace(CanaryCustomer customer) {
            if (LOG.isTraceEnabled()) {
                LOG.trace("dialling {}", customer.phone());
            }
        }

        @Test
        void log4jDebug(CanaryCustomer customer) {
            LOG4J.debug("charging {}", customer.card());
        }

        @Test
        void applicationAppenderSeesInfoOnly() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            Logger logger = context.getLogger("app.gaps.appender");
            ListAppender<ILoggingEvent> application = new ListAppender<>();
            application.setContext(context);
            application.start();
            logger.addAppender(application);
            try {
                if (logger.isDebugEnabled()) {
                    logger.debug("cache warmed in {} ms", 12);
                }
                logger.info("cache ready");
                assertThat(application.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("cache ready");
            } finally {
                logger.detachAppender(application);
            }
        }
    }

    @NoPiiInLogs
    static class ConfiguredLevelsTestCase {
        @Test
        void debugLeakGoesUnchecked(CanaryCustomer customer) {
            LOG.debug("password reset link for {}", customer.email());
            LOG4J.debug("password reset link for {}", customer.email());
        }
    }

    @NoPiiInLogs
    static class ReconfiguredTestCase {
        @Test
        void logbackReset(CanaryCustomer customer) throws JoranException {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            context.reset();
            configurator.doConfigure(CaptureGapsTest.class.getResource("/logback-test.xml"));
            LOG.info("application started; first customer {}", customer.email());
        }

        @Test
        void log4jReconfigured(CanaryCustomer customer) throws ReflectiveOperationException {
            // log4j-core's LoggerContext, called reflectively: its class file refers to annotations not on the class path
            Object context = LogManager.getContext(false);
            context.getClass().getMethod("reconfigure").invoke(context);
            LOG4J.info("application started; first customer {}", customer.email());
        }
    }

    @NoPiiInLogs
    static class Log4jDefaultConfigurationTestCase {
        @Test
        void infoDroppedByTheDefaultConfiguration(CanaryCustomer customer) throws ReflectiveOperationException {
            Object context = LogManager.getContext(false);
            Class<?> configuration = Class.forName("org.apache.logging.log4j.core.config.Configuration");
            Object defaults = Class.forName("org.apache.logging.log4j.core.config.DefaultConfiguration")
                    .getConstructor().newInstance();
            context.getClass().getMethod("setConfiguration", configuration).invoke(context, defaults);
            try {
                LOG4J.info("welcome {}", customer.email());
            } finally {
                context.getClass().getMethod("reconfigure").invoke(context);
            }
        }
    }

    /** Replaces System.out while it resolves its parameter and restores it after the test, as JUnit Pioneer's @StdIo does. */
    static final class SwapsSystemOut implements ParameterResolver, AfterEachCallback {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SwapsSystemOut.class);

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == ByteArrayOutputStream.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            extensionContext.getStore(NAMESPACE).put("out", System.out);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            return buffer;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            PrintStream saved = context.getStore(NAMESPACE).get("out", PrintStream.class);
            if (saved != null) {
                System.setOut(saved);
            }
        }
    }

    @ExtendWith(SwapsSystemOut.class)
    @NoPiiInLogs
    @ResourceLock("java.lang.System.out")
    static class SwapDeclaredFirstTestCase {
        @Test
        void printsWhileSwapped(ByteArrayOutputStream out, CanaryCustomer customer) {
            System.out.println("receipt for card " + customer.card());
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("receipt");
        }
    }

    @NoPiiInLogs
    @ExtendWith(SwapsSystemOut.class)
    @ResourceLock("java.lang.System.out")
    static class SwapDeclaredLastTestCase {
        @Test
        void printsWhileSwapped(CanaryCustomer customer, ByteArrayOutputStream out) {
            System.out.println("receipt for card " + customer.card());
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("receipt");
        }
    }

    @NoPiiInLogs
    static class ConsoleAppenderTestCase {
        private ConsoleAppender<ILoggingEvent> console;
        private Logger logger;

        @BeforeEach
        void printToTheConsole() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%level %logger - %msg%n");
            encoder.start();
            console = new ConsoleAppender<>();
            console.setContext(context);
            console.setEncoder(encoder);
            console.start();
            logger = context.getLogger("app.gaps.console");
            logger.setAdditive(false);
            logger.addAppender(console);
        }

        @AfterEach
        void stopPrinting() {
            logger.detachAppender(console);
            console.stop();
        }

        @Test
        void printedByConsoleAppender(CanaryCustomer customer) {
            logger.info("newsletter sent to {}", customer.email());
        }
    }
}
