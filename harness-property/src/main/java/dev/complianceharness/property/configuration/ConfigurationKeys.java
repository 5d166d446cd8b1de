package dev.complianceharness.property.configuration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The configuration keys one artifact of the harness reads, registered for {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.complianceharness.property.configuration.ConfigurationKeys}. The registry of known
 * keys is the union of every registered provider; a {@code complianceharness.*} key that no provider declares gets a
 * warning naming the closest known one.
 *
 * <pre>{@code
 * public final class SmsConfigurationKeys implements ConfigurationKeys {
 *     public List<ConfigurationKey> keys() {
 *         return List.of(new ConfigurationKey("complianceharness.sms.scope", "all rules", "high-confidence",
 *                 "which contact-window rules the SMS module enforces"));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface ConfigurationKeys {

    /**
     * The keys this artifact reads.
     *
     * @return the keys, each with its default, an example and its meaning
     */
    List<ConfigurationKey> keys();
}
