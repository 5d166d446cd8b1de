package dev.complianceharness.pii.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Adds an appender to every logger configuration of the running Log4j 2 configuration; the team's
 * configuration file, appenders and levels stay as they are.
 */
final class Log4j2Tap implements Tap {

    static final String APPENDER_NAME = "compliance-harness-pii-capture";

    private static final String CORE_CONTEXT = "org.apache.logging.log4j.core.LoggerContext";

    /** log4j-core's LoggerContext, used reflectively: its class file refers to annotations not on our class path. */
    private final Object context;
    private final Method updateLoggers;
    private final Configuration configuration;
    private final CaptureAppender appender;

    private Log4j2Tap(Object context, Method updateLoggers, Configuration configuration, CaptureAppender appender) {
        this.context = context;
        this.updateLoggers = updateLoggers;
        this.configuration = configuration;
        this.appender = appender;
    }

    /** Called reflectively, so that the class loads only when log4j-core is present. */
    static Tap install(LogRouter router) throws ReflectiveOperationException {
        Object context = LogManager.getContext(false);
        Class<?> coreContext = Class.forName(CORE_CONTEXT, false, Log4j2Tap.class.getClassLoader());
        if (!coreContext.isInstance(context)) {
            return null;
        }
        Method updateLoggers = coreContext.getMethod("updateLoggers");
        Configuration configuration = (Configuration) coreContext.getMethod("getConfiguration").invoke(context);
        CaptureAppender appender = new CaptureAppender(router);
        appender.start();
        configuration.addAppender(appender);
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            logger.addAppender(appender, null, null);
        }
        configuration.getRootLogger().addAppender(appender, null, null);
        updateLoggers.invoke(context);
        return new Log4j2Tap(context, updateLoggers, configuration, appender);
    }

    @Override
    public LogSource source() {
        return LogSource.LOG4J2;
    }

    @Override
    public void remove() {
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            logger.removeAppender(APPENDER_NAME);
        }
        configuration.getRootLogger().removeAppender(APPENDER_NAME);
        if (configuration instanceof AbstractConfiguration abstractConfiguration) {
            abstractConfiguration.removeAppender(APPENDER_NAME);
        }
        try {
            updateLoggers.invoke(context);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not update the Log4j 2 loggers after removing the capture appender", e);
        }
        appender.stop();
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
            Throwable thrown = event.getThrown();
            if (thrown != null) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                message = message + System.lineSeparator() + trace;
            }
            router.route(LogSource.LOG4J2, event.getLoggerName(), event.getLevel().name(), message,
                    key -> event.getContextData().getValue(key));
        }
    }
}
