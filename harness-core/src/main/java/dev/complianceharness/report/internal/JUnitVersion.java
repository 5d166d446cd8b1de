package dev.complianceharness.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JUnit floor: the harness keeps its state in launcher-session and request stores and relies on JUnit closing
 * {@link AutoCloseable} store values, which came with JUnit Jupiter 5.13 and JUnit Platform 1.13. On anything older it
 * fails at the start with one message naming the versions found and the versions needed, instead of an error deep in
 * the engine.
 */
public final class JUnitVersion {

    /** The oldest JUnit Jupiter the harness runs on. */
    public static final String MINIMUM_JUPITER = "5.13";
    /** The oldest JUnit Platform the harness runs on. */
    public static final String MINIMUM_PLATFORM = "1.13";

    private static final Map<String, String> ARTIFACTS = new LinkedHashMap<>();

    static {
        ARTIFACTS.put("junit-jupiter-api", "org.junit.jupiter.api.Test");
        ARTIFACTS.put("junit-jupiter-engine", "org.junit.jupiter.engine.JupiterTestEngine");
        ARTIFACTS.put("junit-platform-engine", "org.junit.platform.engine.TestEngine");
        ARTIFACTS.put("junit-platform-launcher", "org.junit.platform.launcher.Launcher");
    }

    private JUnitVersion() {
    }

    /**
     * Checks the JUnit artifacts on the class path.
     *
     * @throws UnsupportedJUnitException naming every artifact that is too old, when one is
     */
    public static void requireSupported() {
        problem().ifPresent(message -> {
            throw new UnsupportedJUnitException(message);
        });
    }

    /**
     * What is too old on the class path, if anything.
     *
     * @return the message, or empty when every JUnit artifact found is new enough
     */
    public static Optional<String> problem() {
        List<String> tooOld = new ArrayList<>();
        for (Map.Entry<String, String> artifact : ARTIFACTS.entrySet()) {
            Optional<String> version = version(artifact.getValue());
            // the Console Launcher's standalone jar holds Jupiter too, under the Platform's version (1.14.4 = Jupiter 5.14.4)
            boolean platform = artifact.getKey().startsWith("junit-platform") || isConsoleStandalone(artifact.getValue());
            if (version.isPresent() && !atLeast(version.get(), platform ? MINIMUM_PLATFORM : MINIMUM_JUPITER)) {
                tooOld.add(artifact.getKey() + " " + version.get());
            }
        }
        if (tooOld.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Compliance Harness needs JUnit Jupiter " + MINIMUM_JUPITER + " or newer (JUnit Platform "
                + MINIMUM_PLATFORM + " or newer, or JUnit 6), but the test class path has " + String.join(", ", tooOld)
                + ". Import org.junit:junit-bom " + MINIMUM_JUPITER + ".0 or newer in dependencyManagement so that every JUnit"
                + " artifact has one version.");
    }

    private static boolean isConsoleStandalone(String className) {
        try {
            Package pkg = Class.forName(className, false, JUnitVersion.class.getClassLoader()).getPackage();
            return pkg != null && "junit-platform-console-standalone".equals(pkg.getImplementationTitle());
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private static Optional<String> version(String className) {
        try {
            Class<?> type = Class.forName(className, false, JUnitVersion.class.getClassLoader());
            Package pkg = type.getPackage();
            return Optional.ofNullable(pkg == null ? null : pkg.getImplementationVersion());
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
    }

    /**
     * Whether a version is at least a minimum, comparing the leading numbers ({@code 5.14.4} ≥ {@code 5.13},
     * {@code 6.0.0-M1} ≥ {@code 5.13}).
     *
     * @param version the version found
     * @param minimum the minimum
     * @return whether it is new enough
     */
    static boolean atLeast(String version, String minimum) {
        int[] found = numbers(version);
        int[] needed = numbers(minimum);
        for (int i = 0; i < needed.length; i++) {
            int part = i < found.length ? found[i] : 0;
            if (part != needed[i]) {
                return part > needed[i];
            }
        }
        return true;
    }

    private static int[] numbers(String version) {
        String[] parts = version.split("[.-]");
        List<Integer> numbers = new ArrayList<>();
        for (String part : parts) {
            if (!part.chars().allMatch(Character::isDigit) || part.isEmpty()) {
                break;
            }
            numbers.add(Integer.parseInt(part));
        }
        return numbers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** JUnit on the class path is older than the harness needs. */
    public static final class UnsupportedJUnitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedJUnitException(String message) {
            super(message);
        }
    }
}
