package dev.complianceharness.property.internal;

import dev.complianceharness.property.spi.PropertyRun;
import dev.complianceharness.property.spi.PropertyRunListener;
import dev.complianceharness.property.spi.TextRedactor;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's way out: the {@link TextRedactor}s and {@link PropertyRunListener}s registered for
 * {@link ServiceLoader}, loaded once.
 */
public final class OutputHooks {

    private OutputHooks() {
    }

    /**
     * Redacts a text with every registered redactor, in the order found.
     *
     * @param text the text, or null
     * @return the redacted text; null for null
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (TextRedactor redactor : Loaded.REDACTORS) {
            redacted = redactor.redact(redacted);
        }
        return redacted;
    }

    /**
     * Tells every registered listener of a finished run.
     *
     * @param run     the run
     * @param context the extension context of the test it ran in
     */
    public static void finished(PropertyRun run, ExtensionContext context) {
        for (PropertyRunListener listener : Loaded.LISTENERS) {
            listener.propertyRunFinished(run, context);
        }
    }

    /** Loaded on first use, so that a JVM that never runs a property pays nothing. */
    private static final class Loaded {
        static final List<TextRedactor> REDACTORS = load(TextRedactor.class);
        static final List<PropertyRunListener> LISTENERS = load(PropertyRunListener.class);

        private static <S> List<S> load(Class<S> service) {
            return ServiceLoader.load(service, OutputHooks.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get).toList();
        }
    }
}
