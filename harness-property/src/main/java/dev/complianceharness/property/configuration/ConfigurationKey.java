package dev.complianceharness.property.configuration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One {@code complianceharness.*} configuration key, as the key registry and {@code docs/configuration.md} list it.
 *
 * @param name         the key, such as {@code complianceharness.seed}
 * @param defaultValue what applies when the key is not set, in words or as a value
 * @param example      a value a team might set, as written on the command line or in {@code junit-platform.properties}
 * @param meaning      what the key changes, in one sentence
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ConfigurationKey(String name, String defaultValue, String example, String meaning) {

    /** Checks that the key is a {@code complianceharness.*} key and that every field is given. */
    public ConfigurationKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(meaning, "meaning");
        if (!name.startsWith(HarnessConfiguration.PREFIX) || name.length() == HarnessConfiguration.PREFIX.length()) {
            throw new IllegalArgumentException("Configuration key '" + name + "' must start with "
                    + HarnessConfiguration.PREFIX + " and name a setting, such as complianceharness.seed");
        }
    }
}
