package dev.complianceharness.pii.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Adds a handler to the root {@code java.util.logging} logger; its other handlers and levels stay. */
final class JulTap implements Tap {

    private final Logger root;
    private final Handler handler;

    private JulTap(Logger root, Handler handler) {
        this.root = root;
        this.handler = handler;
    }

    static Tap install(LogRouter router) {
        Logger root = Logger.getLogger("");
        Handler handler = new CaptureHandler(router);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        return new JulTap(root, handler);
    }

    @Override
    public LogSource source() {
        return LogSource.JUL;
    }

    @Override
    public void remove() {
        root.removeHandler(handler);
    }

    /** Hands each record to the router on the logging thread. */
    private static final class CaptureHandler extends Handler {
        private final LogRouter router;
        private final SimpleFormatter formatter = new SimpleFormatter();

        CaptureHandler(LogRouter router) {
            this.router = router;
        }

        @Override
        public void publish(LogRecord record) {
            String message = formatter.formatMessage(record);
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                message = message + System.lineSeparator() + trace;
            }
            router.route(LogSource.JUL, record.getLoggerName(), record.getLevel().getName(), message, null);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
