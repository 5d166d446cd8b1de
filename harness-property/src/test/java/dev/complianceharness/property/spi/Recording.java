package dev.complianceharness.property.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test hooks registered for {@link java.util.ServiceLoader} in this module's tests only: a redactor that hides
 * {@code SECRET-} tokens, a renderer that hides {@link Secret}s, and a listener that keeps every finished run.
 */
public final class Recording {

    static final List<PropertyRun> RUNS = new CopyOnWriteArrayList<>();

    private Recording() {
    }

    /** Hides every {@code SECRET-} token. */
    public static final class SecretRedactor implements TextRedactor {
        @Override
        public String redact(String text) {
            return text.replaceAll("SECRET-\\w+", "SECRET-***");
        }
    }

    /** Renders a {@link Secret} by its kind only, and leaves everything else to the engine. */
    public static final class SecretRenderer implements ValueRenderer {
        @Override
        public String render(Object value) {
            return value instanceof Secret ? "Secret[hidden]" : null;
        }
    }

    /**
     * A value whose {@code toString()} shows what it holds, as a careless team's type does.
     *
     * @param value what it holds
     */
    public record Secret(String value) {
    }

    /** Keeps every run. */
    public static final class RunRecorder implements PropertyRunListener {
        @Override
        public void propertyRunFinished(PropertyRun run) {
            RUNS.add(run);
        }
    }
}
