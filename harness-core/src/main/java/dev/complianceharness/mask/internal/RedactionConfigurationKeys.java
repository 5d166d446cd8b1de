package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.RedactionPolicy;
import dev.complianceharness.property.configuration.ConfigurationKey;
import dev.complianceharness.property.configuration.ConfigurationKeys;
import java.util.List;

/** The configuration keys of the redaction policy. Registered for {@link java.util.ServiceLoader}. */
public final class RedactionConfigurationKeys implements ConfigurationKeys {

    /** Created by {@link java.util.ServiceLoader}. */
    public RedactionConfigurationKeys() {
    }

    @Override
    public List<ConfigurationKey> keys() {
        return RedactionPolicy.configurationKeys();
    }
}
