package dev.complianceharness.property.configuration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads {@code complianceharness.*} keys the same way in every entry point of the harness: a {@code @ComplianceTest},
 * a {@code @PropertyTest}, the report, and {@code Property.forAll(...)} inside a plain {@code @Test} that no harness
 * extension watches. The order is JUnit's own for configuration parameters:
 * <ol>
 *   <li>a configuration parameter given to the launcher (Maven Surefire's {@code configurationParameters}, an IDE's
 *       run configuration, {@code EngineTestKit}), where the entry point has one;</li>
 *   <li>a system property ({@code mvn verify -Dcomplianceharness.seed=42});</li>
 *   <li>an entry of {@code junit-platform.properties} on the test class path.</li>
 * </ol>
 * A blank value counts as unset. Every key read must be registered through {@link ConfigurationKeys}, so a key the
 * harness reads is always documented; a {@code complianceharness.*} key that a team sets and no artifact declares gets
 * a warning that names the closest known key ({@link #unknownKeyWarnings(Map)}).
 *
 * <pre>{@code
 * Optional<String> seed = HarnessConfiguration.of(extensionContext).get("complianceharness.seed");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class HarnessConfiguration {

    /** The prefix every key of the harness starts with. */
    public static final String PREFIX = "complianceharness.";
    /** The file JUnit reads configuration parameters from, on the test class path. */
    public static final String JUNIT_PLATFORM_PROPERTIES = "junit-platform.properties";

    private static final Map<ClassLoader, Properties> CLASS_PATH_FILES = new WeakHashMap<>();

    private final Function<String, Optional<String>> launcherParameters;
    private final ClassLoader classLoader;

    private HarnessConfiguration(Function<String, Optional<String>> launcherParameters, ClassLoader classLoader) {
        this.launcherParameters = launcherParameters;
        this.classLoader = classLoader;
    }

    /**
     * The configuration of a running test: its launcher's configuration parameters, then system properties, then
     * {@code junit-platform.properties}.
     *
     * @param context any extension context of the test
     * @return the configuration
     */
    public static HarnessConfiguration of(ExtensionContext context) {
        Objects.requireNonNull(context, "context");
        return new HarnessConfiguration(context::getConfigurationParameter, contextClassLoader());
    }

    /**
     * The configuration from a launcher's configuration parameters (a test plan's, for example), then system
     * properties, then {@code junit-platform.properties}.
     *
     * @param launcherParameters reads one launcher configuration parameter
     * @return the configuration
     */
    public static HarnessConfiguration of(Function<String, Optional<String>> launcherParameters) {
        Objects.requireNonNull(launcherParameters, "launcherParameters");
        return new HarnessConfiguration(launcherParameters, contextClassLoader());
    }

    /**
     * The configuration where no launcher is known (a property checked in a plain {@code @Test}, or outside JUnit):
     * system properties, then {@code junit-platform.properties} from the thread's context class loader.
     *
     * @return the configuration
     */
    public static HarnessConfiguration withoutLauncher() {
        return new HarnessConfiguration(key -> Optional.empty(), contextClassLoader());
    }

    /**
     * Reads a key.
     *
     * @param key a registered {@code complianceharness.*} key
     * @return its value, stripped; empty when unset or blank
     * @throws IllegalArgumentException if no {@link ConfigurationKeys} provider registers the key
     */
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        if (!Registry.KEYS.containsKey(key)) {
            throw new IllegalArgumentException("Configuration key " + key + " is read but not registered: declare it in a "
                    + ConfigurationKeys.class.getName() + " registered for ServiceLoader, and list it in docs/configuration.md");
        }
        Optional<String> value = nonBlank(launcherParameters.apply(key));
        if (value.isEmpty()) {
            value = nonBlank(Optional.ofNullable(System.getProperty(key)));
        }
        if (value.isEmpty()) {
            value = nonBlank(Optional.ofNullable(classPathFile(classLoader).getProperty(key)));
        }
        return value;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }

    /**
     * Every key a registered {@link ConfigurationKeys} provider declares.
     *
     * @return the keys, ordered by name
     */
    public static List<ConfigurationKey> knownKeys() {
        return List.copyOf(Registry.KEYS.values());
    }

    /**
     * The {@code complianceharness.*} keys set as system properties or in {@code junit-platform.properties} on the
     * class path, each with where it was set, for {@link #unknownKeyWarnings(Map)}.
     *
     * @return key to where it was set, ordered by key
     */
    public static Map<String, String> keysSetOutsideTheLauncher() {
        Map<String, String> keys = new TreeMap<>();
        for (String name : classPathFile(contextClassLoader()).stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                keys.put(name, JUNIT_PLATFORM_PROPERTIES);
            }
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                keys.put(name, "system property");
            }
        }
        return keys;
    }

    /**
     * Warnings for the keys that start with {@code complianceharness.} but that no artifact of the harness declares
     * (a typo, or a key of a version that is not on the class path), each naming the closest known key.
     *
     * @param keysAndSources keys that were set, each with where it was set ("system property")
     * @return one warning per unknown key, in key order
     */
    public static List<String> unknownKeyWarnings(Map<String, String> keysAndSources) {
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(keysAndSources).entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(PREFIX) && !Registry.KEYS.containsKey(key)) {
                warnings.add("Unknown configuration key " + key + " (" + entry.getValue() + ") is ignored: did you mean "
                        + closestKnownKey(key) + "? Every key is listed in the harness's docs/configuration.md.");
            }
        }
        return warnings;
    }

    /**
     * The known key closest to a given one, by edit distance (ties go to the alphabetically first).
     *
     * @param key any key
     * @return the closest known key
     */
    public static String closestKnownKey(String key) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String known : Registry.KEYS.keySet()) {
            int distance = editDistance(key, known);
            if (distance < best) {
                best = distance;
                closest = known;
            }
        }
        return closest;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : HarnessConfiguration.class.getClassLoader();
    }

    /** The first {@code junit-platform.properties} the class loader finds, as JUnit reads it; read once per loader. */
    private static Properties classPathFile(ClassLoader loader) {
        synchronized (CLASS_PATH_FILES) {
            Properties cached = CLASS_PATH_FILES.get(loader);
            if (cached != null) {
                return cached;
            }
            Properties properties = new Properties();
            try {
                Enumeration<URL> files = loader.getResources(JUNIT_PLATFORM_PROPERTIES);
                if (files.hasMoreElements()) {
                    try (InputStream in = files.nextElement().openStream()) {
                        properties.load(in);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + JUNIT_PLATFORM_PROPERTIES + " from the class path", e);
            }
            CLASS_PATH_FILES.put(loader, properties);
            return properties;
        }
    }

    /** The registered keys, loaded once. */
    private static final class Registry {
        static final Map<String, ConfigurationKey> KEYS = load();

        private static Map<String, ConfigurationKey> load() {
            Map<String, ConfigurationKey> keys = new TreeMap<>();
            Map<String, String> providers = new LinkedHashMap<>();
            for (ConfigurationKeys provider : ServiceLoader.load(ConfigurationKeys.class, HarnessConfiguration.class.getClassLoader())) {
                for (ConfigurationKey key : provider.keys()) {
                    String earlier = providers.putIfAbsent(key.name(), provider.getClass().getName());
                    if (earlier != null && !earlier.equals(provider.getClass().getName())) {
                        throw new IllegalStateException("Configuration key " + key.name() + " is declared by both "
                                + earlier + " and " + provider.getClass().getName() + ": declare each key once");
                    }
                    keys.put(key.name(), key);
                }
            }
            return Collections.unmodifiableMap(keys);
        }
    }
}
