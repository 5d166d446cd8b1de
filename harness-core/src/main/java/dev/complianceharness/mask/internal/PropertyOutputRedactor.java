package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.Masking;
import dev.complianceharness.property.spi.TextRedactor;

/**
 * Makes the property engine's output pass the harness's masking. Registered for
 * {@link java.util.ServiceLoader}.
 */
public final class PropertyOutputRedactor implements TextRedactor {

    /** Created by {@link java.util.ServiceLoader}. */
    public PropertyOutputRedactor() {
    }

    @Override
    public String redact(String text) {
        return Masking.mask(text);
    }
}
