package dev.complianceharness.pii.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * Adds an appender to Logback's root logger and to every logger that does not pass events to its parents;
 * the team's appenders, levels and filters stay as they are.
 */
final class LogbackTap implements Tap {

    static final String APPENDER_NAME = "compliance-harness-pii-capture";
    private static final Duration INITIALISATION_WAIT = Duration.ofSeconds(30);

    private final CaptureAppender appender;
    private final List<Logger> attached;

    private LogbackTap(CaptureAppender appender, List<Logger> attached) {
        this.appender = appender;
        this.attached = attached;
    }

    /** Called reflectively, so that the class loads only when Logback is present. */
    static Tap install(LogRouter router) throws InterruptedException {
        ILoggerFactory factory = initialisedFactory();
        if (!(factory instanceof LoggerContext context)) {
            return null;
        }
        CaptureAppender appender = new CaptureAppender(router);
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.start();
        List<Logger> attached = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) {
            if (Logger.ROOT_LOGGER_NAME.equals(logger.getName()) || !logger.isAdditive()) {
                logger.addAppender(appender);
                attached.add(logger);
            }
        }
        return new LogbackTap(appender, attached);
    }

    /**
     * While another thread initialises SLF4J, {@code getILoggerFactory()} hands out a substitute factory;
     * attaching then would miss Logback for the whole run, so wait for the real one.
     */
    private static ILoggerFactory initialisedFactory() throws InterruptedException {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        long deadline = System.nanoTime() + INITIALISATION_WAIT.toNanos();
        while (factory instanceof SubstituteLoggerFactory) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("SLF4J was still initialising after " + INITIALISATION_WAIT.toSeconds()
                        + " s; Logback events are not captured");
            }
            Thread.sleep(5);
            factory = LoggerFactory.getILoggerFactory();
        }
        return factory;
    }

    @Override
    public LogSource source() {
        return LogSource.LOGBACK;
    }

    @Override
    public void remove() {
        for (Logger logger : attached) {
            logger.detachAppender(appender);
        }
        appender.stop();
    }

    /** Hands each event to the router on the logging thread. */
    private static final class CaptureAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
        private final LogRouter router;

        CaptureAppender(LogRouter router) {
            this.router = router;
        }

        @Override
        protected void append(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                message = message + System.lineSeparator() + ThrowableProxyUtil.asString(thrown);
            }
            Map<String, String> mdc = event.getMDCPropertyMap();
            router.route(LogSource.LOGBACK, event.getLoggerName(), event.getLevel().toString(), message,
                    mdc == null ? null : mdc::get);
        }
    }
}
