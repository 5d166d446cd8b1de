package dev.complianceharness.pii.logs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tees {@code System.out} or {@code System.err}: everything still reaches the stream that was there, and each
 * complete line is routed on the thread that wrote it. When another extension replaces the stream during a
 * test (JUnit Pioneer's {@code @StdIo} swaps in its own), a second tee wraps the replacement; tees nested in
 * one another route a line once.
 */
final class StandardStreamTap implements Tap {

    /** Every tee installed and not yet removed, so that a replaced stream can be recognised. */
    private static final Set<PrintStream> TEES = ConcurrentHashMap.newKeySet();
    /** How deep the current thread is inside our tees: only the outermost collects. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final LogSource source;
    private final PrintStream original;
    private final PrintStream tee;
    private final TeeStream stream;

    private StandardStreamTap(LogSource source, PrintStream original, PrintStream tee, TeeStream stream) {
        this.source = source;
        this.original = original;
        this.tee = tee;
        this.stream = stream;
    }

    static Tap install(LogRouter router, LogSource source) {
        boolean out = source == LogSource.STDOUT;
        PrintStream original = out ? System.out : System.err;
        Charset charset = encoding(out);
        TeeStream stream = new TeeStream(router, source, original, charset);
        PrintStream tee = new PrintStream(stream, true, charset);
        TEES.add(tee);
        if (out) {
            System.setOut(tee);
        } else {
            System.setErr(tee);
        }
        return new StandardStreamTap(source, original, tee, stream);
    }

    /**
     * @param source {@link LogSource#STDOUT} or {@link LogSource#STDERR}
     * @return whether the stream in place now is one of our tees, or writes through one
     */
    static boolean isInstalled(LogSource source) {
        PrintStream current = source == LogSource.STDOUT ? System.out : System.err;
        return TEES.contains(current);
    }

    private static Charset encoding(boolean out) {
        String name = System.getProperty(out ? "stdout.encoding" : "stderr.encoding",
                System.getProperty(out ? "sun.stdout.encoding" : "sun.stderr.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    @Override
    public LogSource source() {
        return source;
    }

    @Override
    public void remove() {
        stream.capturing = false;
        TEES.remove(tee);
        boolean out = source == LogSource.STDOUT;
        // someone may have replaced our tee since; then we leave theirs in place and only stop capturing
        if (out && System.out == tee) {
            System.setOut(original);
        } else if (!out && System.err == tee) {
            System.setErr(original);
        }
    }

    /** Writes through to the original stream and collects lines per thread. */
    private static final class TeeStream extends OutputStream {
        private final LogRouter router;
        private final LogSource source;
        private final PrintStream original;
        private final Charset charset;
        private final ThreadLocal<ByteArrayOutputStream> lines = ThreadLocal.withInitial(ByteArrayOutputStream::new);
        private volatile boolean capturing = true;

        TeeStream(LogRouter router, LogSource source, PrintStream original, Charset charset) {
            this.router = router;
            this.source = source;
            this.original = original;
            this.charset = charset;
        }

        @Override
        public void write(int b) {
            int[] depth = DEPTH.get();
            depth[0]++;
            try {
                original.write(b);
            } finally {
                depth[0]--;
            }
            if (capturing && depth[0] == 0) {
                collect(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            int[] depth = DEPTH.get();
            depth[0]++;
            try {
                original.write(bytes, offset, length);
            } finally {
                depth[0]--;
            }
            if (capturing && depth[0] == 0) {
                for (int i = offset; i < offset + length; i++) {
                    collect(bytes[i]);
                }
            }
        }

        private void collect(int b) {
            ByteArrayOutputStream line = lines.get();
            if (b == '\n') {
                String text = line.toString(charset);
                line.reset();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                router.route(source, source == LogSource.STDOUT ? "System.out" : "System.err", "", text, null);
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
