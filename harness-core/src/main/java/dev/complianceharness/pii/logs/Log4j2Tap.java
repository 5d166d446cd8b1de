package dev.complianceharness.pii.logs;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;

/**
 * Taps Log4j 2 without changing the team's configuration file, appenders or levels: an appender on every
 * logger configuration, and a configuration-wide filter, consulted before Log4j's own level check, that sees
 * the events the configuration drops — counted, or captured for captures that
 * {@linkplain CheckedLevels#ALL check every level}. A listener moves both to a new configuration when Log4j
 * is reconfigured during a test.
 */
final class Log4j2Tap implements Tap {

    static final String APPENDER_NAME = "compliance-harness-pii-capture";

    private static final String CORE_CONTEXT = "org.apache.logging.log4j.core.LoggerContext";
    static final String DEFAULT_CONFIGURATION = LogRouter.LEVEL_GAP + "Log4j 2 runs on its default configuration (no"
            + " log4j2 configuration file on the test class path), which drops every event below ERROR: those events were"
            + " not checked; add a log4j2-test.xml with the levels the application runs with, or check every level with"
            + " @NoPiiInLogs(levels = CheckedLevels.ALL)";

    /** log4j-core's LoggerContext, used reflectively: its class file refers to annotations not on our class path. */
    private final Object context;
    private final Method updateLoggers;
    private final LogRouter router;
    private final CaptureAppender appender;
    private final LevelFilter levels;
    private final PropertyChangeListener reconfigured;
    private Configuration configuration;

    private Log4j2Tap(Object context, Method updateLoggers, LogRouter router) {
        this.context = context;
        this.updateLoggers = updateLoggers;
        this.router = router;
        this.appender = new CaptureAppender(router);
        this.levels = new LevelFilter(router);
        this.reconfigured = this::onPropertyChange;
    }

    /** Called reflectively, so that the class loads only when log4j-core is present. */
    static Tap install(LogRouter router) throws ReflectiveOperationException {
        Object context = LogManager.getContext(false);
        Class<?> coreContext = Class.forName(CORE_CONTEXT, false, Log4j2Tap.class.getClassLoader());
        if (!coreContext.isInstance(context)) {
            return null;
        }
        Log4j2Tap tap = new Log4j2Tap(context, coreContext.getMethod("updateLoggers"), router);
        appenderStarted(tap.appender);
        tap.levels.start();
        tap.attach((Configuration) coreContext.getMethod("getConfiguration").invoke(context));
        coreContext.getMethod("addPropertyChangeListener", PropertyChangeListener.class).invoke(context, tap.reconfigured);
        return tap;
    }

    private static void appenderStarted(CaptureAppender appender) {
        appender.start();
    }

    private synchronized void attach(Configuration next) {
        this.configuration = next;
        next.addAppender(appender);
        for (LoggerConfig logger : next.getLoggers().values()) {
            logger.addAppender(appender, null, null);
        }
        next.getRootLogger().addAppender(appender, null, null);
        next.addFilter(levels);
        update();
        if (next instanceof DefaultConfiguration) {
            router.setUpGap(DEFAULT_CONFIGURATION);
        } else {
            router.setUpGapResolved(DEFAULT_CONFIGURATION);
        }
    }

    private synchronized void detach() {
        Configuration current = configuration;
        for (LoggerConfig logger : current.getLoggers().values()) {
            logger.removeAppender(APPENDER_NAME);
        }
        current.getRootLogger().removeAppender(APPENDER_NAME);
        if (current instanceof AbstractConfiguration abstractConfiguration) {
            abstractConfiguration.removeAppender(APPENDER_NAME);
        }
        current.removeFilter(levels);
        update();
    }

    private void onPropertyChange(PropertyChangeEvent event) {
        if ("config".equals(event.getPropertyName()) && event.getNewValue() instanceof Configuration next) {
            synchronized (this) {
                if (next != configuration) {
                    attach(next);
                }
            }
        }
    }

    private void update() {
        try {
            updateLoggers.invoke(context);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not update the Log4j 2 loggers after changing the capture", e);
        }
    }

    @Override
    public LogSource source() {
        return LogSource.LOG4J2;
    }

    @Override
    public void remove() {
        try {
            context.getClass().getMethod("removePropertyChangeListener", PropertyChangeListener.class)
                    .invoke(context, reconfigured);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not stop listening to Log4j 2 reconfigurations", e);
        }
        detach();
        appender.stop();
        levels.stop();
    }

    static String text(String message, Throwable thrown) {
        if (thrown == null) {
            return message;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return message + System.lineSeparator() + trace;
    }

    /** Hands each event to the router on the logging thread. */
    private static final class CaptureAppender extends AbstractAppender {
        private final LogRouter router;

        CaptureAppender(LogRouter router) {
            super(APPENDER_NAME, null, null, true, Property.EMPTY_ARRAY);
            this.router = router;
        }

        @Override
        public void append(LogEvent event) {
            String message = event.getMessage() == null ? "" : event.getMessage().getFormattedMessage();
            router.route(LogSource.LOG4J2, event.getLoggerName(), event.getLevel().name(), text(message, event.getThrown()),
                    key -> event.getContextData().getValue(key));
        }
    }

    /**
     * Sees every logging call before Log4j's level check: calls the configuration enables go on untouched;
     * calls below the configured level are counted or captured, then dropped as Log4j would.
     */
    private static final class LevelFilter extends AbstractFilter {
        private final LogRouter router;

        LevelFilter(LogRouter router) {
            this.router = router;
        }

        private static boolean enabled(Logger logger, Level level) {
            return logger == null || level == null || level.intLevel() <= logger.getLevel().intLevel();
        }

        @Override
        public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
            if (enabled(logger, level)) {
                return Result.NEUTRAL;
            }
            if (msg == null && (params == null || params.length == 0)) {
                return guard(logger, level);
            }
            return below(logger, level, () -> {
                ParameterizedMessage message = new ParameterizedMessage(msg, params);
                return text(message.getFormattedMessage(), message.getThrowable());
            });
        }

        @Override
        public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
            if (enabled(logger, level)) {
                return Result.NEUTRAL;
            }
            if (msg == null && t == null) {
                return guard(logger, level);
            }
            return below(logger, level, () -> text(describe(msg), t));
        }

        @Override
        public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
            if (enabled(logger, level)) {
                return Result.NEUTRAL;
            }
            if (msg == null && t == null) {
                return guard(logger, level);
            }
            return below(logger, level, () -> text(msg == null ? "" : msg.getFormattedMessage(),
                    t != null ? t : msg == null ? null : msg.getThrowable()));
        }

        private static String describe(Object message) {
            if (message instanceof org.apache.logging.log4j.util.Supplier<?> supplier) {
                message = supplier.get();
            } else if (message instanceof java.util.function.Supplier<?> supplier) {
                message = supplier.get();
            }
            if (message instanceof Message formatted) {
                return formatted.getFormattedMessage();
            }
            return String.valueOf(message);
        }

        private Result guard(Logger logger, Level level) {
            if (!router.checksAllLevelsOnThisThread()) {
                return Result.NEUTRAL;
            }
            if (FluentCalls.inProgress()) {
                router.routeBelowLevel(LogSource.LOG4J2, logger.getName(), level.name() + " (fluent API, not checked)",
                        () -> "", ThreadContext::get);
                return Result.NEUTRAL;
            }
            return Result.ACCEPT;
        }

        private Result below(Logger logger, Level level, java.util.function.Supplier<String> message) {
            router.routeBelowLevel(LogSource.LOG4J2, logger.getName(), level.name(), message, ThreadContext::get);
            // dropped either way: below the level the application configured for its appenders
            return Result.DENY;
        }
    }
}
