package dev.complianceharness.pii.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Taps Logback without changing what the team's appenders receive: an appender on the root logger and on
 * every logger that does not pass events to its parents, and a turbo filter, consulted before Logback's own
 * level check, that sees the events the configuration drops — counted, or captured for captures that
 * {@linkplain CheckedLevels#ALL check every level}. A listener re-attaches both when the context is reset
 * and reconfigured during a test (as Spring Boot does when it starts).
 */
final class LogbackTap implements Tap {

    static final String APPENDER_NAME = "compliance-harness-pii-capture";
    private static final String FQCN = Logger.class.getName();

    private final LoggerContext context;
    private final CaptureAppender appender;
    private final LevelFilter levels;
    private final ResetListener listener;
    /** Loggers that do not pass events to their parents, and so carry the appender themselves. */
    private final Set<Logger> attached = ConcurrentHashMap.newKeySet();

    private LogbackTap(LoggerContext context, LogRouter router) {
        this.context = context;
        this.appender = new CaptureAppender(router);
        this.levels = new LevelFilter(router, this);
        this.listener = new ResetListener(this);
    }

    /** Called reflectively, so that the class loads only when Logback is present. */
    static Tap install(LogRouter router) throws InterruptedException {
        ILoggerFactory factory = Slf4jDiagnosis.initialisedFactory();
        if (!(factory instanceof LoggerContext context)) {
            return null;
        }
        LogbackTap tap = new LogbackTap(context, router);
        tap.attach();
        context.addListener(tap.listener);
        return tap;
    }

    private synchronized void attach() {
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.start();
        attached.clear();
        for (Logger logger : context.getLoggerList()) {
            attachIfNeeded(logger);
        }
        levels.setContext(context);
        levels.setName(APPENDER_NAME);
        levels.start();
        if (!context.getTurboFilterList().contains(levels)) {
            context.addTurboFilter(levels);
        }
    }

    /** The root and every logger that does not pass events on carry the appender; loggers configured later get it lazily. */
    void attachIfNeeded(Logger logger) {
        boolean needs = Logger.ROOT_LOGGER_NAME.equals(logger.getName()) || !logger.isAdditive();
        if (needs && attached.add(logger) && logger.getAppender(APPENDER_NAME) == null) {
            logger.addAppender(appender);
        }
    }

    @Override
    public LogSource source() {
        return LogSource.LOGBACK;
    }

    @Override
    public synchronized void remove() {
        context.removeListener(listener);
        context.getTurboFilterList().remove(levels);
        levels.stop();
        for (Logger logger : context.getLoggerList()) {
            logger.detachAppender(appender);
        }
        attached.clear();
        appender.stop();
    }

    static String text(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            message = message + System.lineSeparator() + ThrowableProxyUtil.asString(thrown);
        }
        return message;
    }

    /** Hands each event to the router on the logging thread. */
    private static final class CaptureAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
        private final LogRouter router;

        CaptureAppender(LogRouter router) {
            this.router = router;
        }

        @Override
        protected void append(ILoggingEvent event) {
            Map<String, String> mdc = event.getMDCPropertyMap();
            router.route(LogSource.LOGBACK, event.getLoggerName(), event.getLevel().toString(), text(event),
                    mdc == null ? null : mdc::get);
        }
    }

    /**
     * Sees every logging call before Logback's level check. Calls the configuration enables go on untouched to
     * the appenders; calls below the configured level are counted or captured, then dropped as Logback would.
     */
    private static final class LevelFilter extends TurboFilter {
        private final LogRouter router;
        private final LogbackTap tap;

        LevelFilter(LogRouter router, LogbackTap tap) {
            this.router = router;
            this.tap = tap;
        }

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (!isStarted() || logger == null || level == null) {
                return FilterReply.NEUTRAL;
            }
            if (!logger.isAdditive()) {
                tap.attachIfNeeded(logger);
            }
            if (level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                return FilterReply.NEUTRAL;
            }
            boolean guard = format == null && params == null && t == null;
            if (guard) {
                if (!router.checksAllLevelsOnThisThread()) {
                    return FilterReply.NEUTRAL;
                }
                if (FluentCalls.inProgress()) {
                    router.routeBelowLevel(LogSource.LOGBACK, logger.getName(), level + " (fluent API, not checked)",
                            () -> "", MDC::get);
                    return FilterReply.NEUTRAL;
                }
                return FilterReply.ACCEPT;
            }
            router.routeBelowLevel(LogSource.LOGBACK, logger.getName(), level.toString(),
                    () -> text(new LoggingEvent(FQCN, logger, level, format, t, params)), MDC::get);
            // dropped either way: below the level the application configured for its appenders
            return FilterReply.DENY;
        }
    }

    /** Re-attaches the tap when the context is reset for a new configuration; survives the reset itself. */
    private static final class ResetListener implements LoggerContextListener {
        private final LogbackTap tap;

        ResetListener(LogbackTap tap) {
            this.tap = tap;
        }

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext context) {
            tap.attach();
        }

        @Override
        public void onStart(LoggerContext context) {
            for (Logger logger : context.getLoggerList()) {
                tap.attachIfNeeded(logger);
            }
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}
