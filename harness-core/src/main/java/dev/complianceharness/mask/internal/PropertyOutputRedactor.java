package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.Redaction;
import dev.complianceharness.property.spi.TextRedactor;
import dev.complianceharness.property.spi.ValueRenderer;

/**
 * Makes the property engine's output pass the harness's redaction boundary: its texts are redacted and its
 * examples, arguments and results rendered by the one value renderer. Registered for
 * {@link java.util.ServiceLoader} under both service-provider interfaces.
 */
public final class PropertyOutputRedactor implements TextRedactor, ValueRenderer {

    /** Created by {@link java.util.ServiceLoader}. */
    public PropertyOutputRedactor() {
    }

    @Override
    public String redact(String text) {
        return Redaction.redact(text);
    }

    @Override
    public String render(Object value) {
        return Redaction.render(value);
    }
}
