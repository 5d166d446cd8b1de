package dev.complianceharness.report.internal;

import dev.complianceharness.liability.InvalidLiabilityZoneException;
import dev.complianceharness.liability.LiabilityMap;
import dev.complianceharness.liability.internal.ZoneAnnotationScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the liability zones of the code a test run tests, for the report. With no configuration it reads
 * the module's own compiled main classes: {@code target/classes} (Maven) or {@code build/classes/java/main}
 * (Gradle) below the module's base directory ({@code basedir}, which Surefire sets, else the working
 * directory). Test classes and dependencies are never read. To keep the cost small it first scans the
 * class files' bytes for the annotation's name and imports them with ArchUnit only when one mentions it.
 *
 * <p>Configuration parameters (or system properties) override the default:
 * {@value #PATHS} names class directories or jars (comma-separated), {@value #PACKAGES} names packages
 * to import from the class path, and {@value #DISCOVERY}{@code =off} turns the map off.
 */
public final class ZoneDiscovery {

    /** Class directories or jars to read zones from, comma-separated. */
    public static final String PATHS = "complianceharness.liability.paths";
    /** Packages to read zones from, imported from the class path, comma-separated. */
    public static final String PACKAGES = "complianceharness.liability.packages";
    /** {@code auto} (the default) or {@code off}. */
    public static final String DISCOVERY = "complianceharness.liability.discovery";

    private static final List<Path> MAIN_OUTPUTS = List.of(Path.of("target", "classes"),
            Path.of("build", "classes", "java", "main"), Path.of("build", "classes", "kotlin", "main"));

    /**
     * What discovery found.
     *
     * @param zones    the zones
     * @param problems why the map could not be built; empty when it was
     * @param source   where the zones were read from, for the report's log line
     */
    public record Result(List<ZoneInput> zones, List<String> problems, String source) {

        /** Copies the lists. */
        public Result {
            zones = List.copyOf(zones);
            problems = List.copyOf(problems);
        }
    }

    private ZoneDiscovery() {
    }

    /**
     * Finds the zones.
     *
     * @param configuration reads a configuration parameter; system properties are consulted when it is empty
     * @return the zones, or the problems that kept the map from being built
     */
    public static Result discover(Function<String, Optional<String>> configuration) {
        Function<String, Optional<String>> settings = key -> configuration.apply(key)
                .or(() -> Optional.ofNullable(System.getProperty(key))).map(String::strip).filter(value -> !value.isEmpty());
        String mode = settings.apply(DISCOVERY).orElse("auto");
        if (mode.equals("off")) {
            return new Result(List.of(), List.of(), DISCOVERY + "=off");
        }
        if (!mode.equals("auto")) {
            return new Result(List.of(), List.of(DISCOVERY + " is '" + mode + "': use auto or off"), DISCOVERY);
        }
        try {
            Optional<String> packages = settings.apply(PACKAGES);
            if (packages.isPresent()) {
                List<String> names = split(packages.get());
                return found(LiabilityMap.importPackages(names.toArray(String[]::new)), "packages " + names);
            }
            Optional<String> paths = settings.apply(PATHS);
            List<Path> locations = new ArrayList<>();
            if (paths.isPresent()) {
                List<String> missing = new ArrayList<>();
                for (String path : split(paths.get())) {
                    Path location = Path.of(path);
                    if (Files.exists(location)) {
                        locations.add(location);
                    } else {
                        missing.add(path);
                    }
                }
                if (!missing.isEmpty()) {
                    return new Result(List.of(), List.of(PATHS + " names " + missing + ", which do not exist: compile"
                            + " the code first or correct the path"), PATHS);
                }
            } else {
                locations.addAll(defaultLocations());
            }
            if (locations.isEmpty()) {
                return new Result(List.of(), List.of(), "no main class directory found");
            }
            if (locations.stream().filter(Files::isDirectory).noneMatch(ZoneAnnotationScan::mentionsLiabilityZone)
                    && locations.stream().noneMatch(Files::isRegularFile)) {
                return new Result(List.of(), List.of(), locations + " (no @LiabilityZone)");
            }
            return found(LiabilityMap.importLocations(locations.toArray(Path[]::new)), locations.toString());
        } catch (InvalidLiabilityZoneException e) {
            return new Result(List.of(), e.problems(), "invalid declarations");
        } catch (RuntimeException e) {
            return new Result(List.of(), List.of("reading the compiled classes failed (" + e
                    + "): set " + PATHS + " to the main class directory, or " + DISCOVERY + "=off"), "error");
        }
    }

    private static Result found(LiabilityMap map, String source) {
        return new Result(map.zones().stream().map(ZoneInput::of).toList(), List.of(), source);
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    static List<Path> defaultLocations() {
        Set<Path> bases = new LinkedHashSet<>();
        Optional.ofNullable(System.getProperty("basedir")).ifPresent(base -> bases.add(Path.of(base).toAbsolutePath().normalize()));
        bases.add(Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize());
        List<Path> locations = new ArrayList<>();
        for (Path base : bases) {
            for (Path output : MAIN_OUTPUTS) {
                Path candidate = base.resolve(output);
                if (Files.isDirectory(candidate) && !locations.contains(candidate)) {
                    locations.add(candidate);
                }
            }
            if (!locations.isEmpty()) {
                break;
            }
        }
        return locations;
    }
}
