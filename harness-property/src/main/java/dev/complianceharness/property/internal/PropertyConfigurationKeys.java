package dev.complianceharness.property.internal;

import dev.complianceharness.property.configuration.ConfigurationKey;
import dev.complianceharness.property.configuration.ConfigurationKeys;
import java.util.List;

/** The keys the property engine reads. Registered for {@link java.util.ServiceLoader}. */
public final class PropertyConfigurationKeys implements ConfigurationKeys {

    /** Created by {@link java.util.ServiceLoader}. */
    public PropertyConfigurationKeys() {
    }

    @Override
    public List<ConfigurationKey> keys() {
        return List.of(
                new ConfigurationKey(Engine.SEED_PARAMETER, "a random seed, printed", "8312749021",
                        "fixes the seed of every generated property, to replay a printed failure"),
                new ConfigurationKey(Engine.TRIES_PARAMETER, "100", "500",
                        "how many examples a property tries unless its code or annotation says"),
                new ConfigurationKey(Engine.FAILURES_PARAMETER, FailureStore.DEFAULT_DIRECTORY, "build/compliance-failures",
                        "where failing examples are stored, to be tried first on the next run"),
                new ConfigurationKey(Engine.SUMMARY_PARAMETER, "true", "false",
                        "whether each passing property prints a one-line summary with its seed"),
                new ConfigurationKey(Engine.SHRINK_TIME_LIMIT_PARAMETER, "PT1M", "none",
                        "how long shrinking a failure may take (an ISO-8601 duration, or none: then only the replay"
                                + " limit stops it, and the shrunk example does not depend on the machine's speed)"));
    }
}
